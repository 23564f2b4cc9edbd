import ArgumentParser
import MessageLint
import ReplyTemplates

extension Parley.Template {
    /// `parley template list`: one line per template.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the templates: id, category, message type, languages and title.",
            discussion: """
                One line per template id, with the languages it is written in. --language keeps the \
                templates written in that language (en keeps every English variant). --format json \
                prints every variant's front matter, variables included, without the body.

                Examples:
                  parley template list
                  parley template list --category feedback --language en-GB
                  parley template list --format json
                """)

        @Option(
            help: ArgumentHelp("Only the templates of this category.", valueName: "category"))
        var category: TemplateCategory?

        @Option(help: ArgumentHelp("Only templates written in this language (en-GB; en for every English variant).", valueName: "language"))
        var language: LanguageTag?

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        @OptionGroup var templatesOptions: TemplatesOptions

        public init() {}

        public func run() throws { try output().emit() }

        public func output() throws -> CommandOutput {
            let library = try templatesOptions.loadLibrary()
            let variants = library.templates.filter { template in
                (category.map { template.category == $0 } ?? true) && (language.map { Self.matches(template.language, $0) } ?? true)
            }
            switch format {
            case .json:
                return CommandOutput(text: JSONReporter.encode(TemplateCatalog(templates: variants)))
            case .text:
                return CommandOutput(text: Self.table(variants))
            }
        }

        /// `en` keeps every English variant; a full tag keeps only itself.
        static func matches(_ tag: LanguageTag, _ filter: LanguageTag) -> Bool {
            filter.region == nil && !filter.rawValue.contains("-") ? tag.language == filter.language : tag == filter
        }

        static func table(_ variants: [ReplyTemplate]) -> String {
            var rows: [[String]] = []
            for category in TemplateCategory.allCases {
                let inCategory = variants.filter { $0.category == category }
                var seen: Set<String> = []
                for template in inCategory where seen.insert(template.id).inserted {
                    let languages = inCategory.filter { $0.id == template.id }.map(\.language.rawValue)
                    rows.append([
                        template.id, category.rawValue, template.messageType.name, languages.joined(separator: ","), template.title,
                    ])
                }
            }
            guard !rows.isEmpty else { return "no templates match\n" }
            let header = ["id", "category", "type", "languages", "title"]
            let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            let lines = ([header] + rows).map { row in
                (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[4]
            }
            let files = variants.count
            return lines.joined(separator: "\n")
                + "\n\(rows.count) template\(rows.count == 1 ? "" : "s"), \(files) file\(files == 1 ? "" : "s")\n"
        }
    }
}
