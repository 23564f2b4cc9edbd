import ArgumentParser
import MessageLint
import ReplyTemplates

extension Parley.Template {
    /// `parley template show ID`: one template's front matter and body.
    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one template: what it answers, its variables, subject and body.",
            discussion: """
                Shows the variant for --language (the same language elsewhere, else en-US, when \
                there is no exact one; standard error says so), or en-US by default. --format json \
                prints the front matter, variables included, with the body and the file.

                Examples:
                  parley template show return-authorised
                  parley template show negative-feedback-reply --language en-AU
                  parley template show return-authorised --format json
                """)

        @Argument(help: "The template id, e.g. return-authorised.")
        var id: String

        @Option(help: ArgumentHelp("The variant for this language (BCP 47: en-US, en-GB).", valueName: "language"))
        var language: LanguageTag?

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        @OptionGroup var templatesOptions: TemplatesOptions

        public init() {}

        public func run() throws { try output().emit() }

        public func output() throws -> CommandOutput {
            let library = try templatesOptions.loadLibrary()
            let choice: TemplateChoice
            do { choice = try library.choose(id, language: language) } catch { throw InputError(error.description) }
            let variants = library.variants(of: id).map(\.language.rawValue)
            let notes = choice.note.map { "parley: note: \($0)\n" } ?? ""
            switch format {
            case .json:
                return CommandOutput(
                    text: JSONReporter.encode(TemplateDocument(template: choice.template, variants: variants)), notes: notes)
            case .text:
                return CommandOutput(text: Self.text(choice.template, variants: variants), notes: notes)
            }
        }

        static func text(_ template: ReplyTemplate, variants: [String]) -> String {
            var out = "\(template.id) (\(template.language))  \(template.title)\n\n"
            out += "when:         \(template.when)\n"
            out += "category:     \(template.category.rawValue)\n"
            out += "message type: \(template.messageType.name)\n"
            out += "languages:    \(variants.joined(separator: ", "))\n"
            out += "file:         \(template.location.file)\n"
            if template.variables.isEmpty {
                out += "\nvariables: none\n"
            } else {
                out += "\nvariables:\n"
                let nameWidth = template.variables.map(\.name.count).max() ?? 0
                let formatWidth = template.variables.map(\.format.rawValue.count).max() ?? 0
                for variable in template.variables {
                    let need =
                        variable.required
                        ? "required" : variable.defaultValue?.isEmpty == false ? "default \"\(variable.defaultValue ?? "")\"" : "optional"
                    out += "  " + variable.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    out += variable.format.rawValue.padding(toLength: formatWidth, withPad: " ", startingAt: 0) + "  "
                    out += "\(need); \(variable.description) (example: \(variable.example))\n"
                }
            }
            out += "\nsubject: \(template.subjectSource)\n\n"
            out += template.bodySource.hasSuffix("\n") ? template.bodySource : template.bodySource + "\n"
            return out
        }
    }
}
