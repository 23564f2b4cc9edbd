import ArgumentParser
import Foundation
import MessageLint

extension Parley {
    /// `parley lint`: check drafts before sending them.
    public struct Lint: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check drafted buyer messages against Amazon's messaging rules.",
            discussion: """
                Each INPUT is a text file holding the message body, a JSON draft \
                ({"subject", "body", "attachments": [{"name", "bytes"}], "message_type"}; any file ending \
                in .json), or - for standard input (JSON when it starts with '{').

                Findings print like a compiler's: `draft.txt:3:14: error: … [rule-id]`, the line, a caret \
                under the span and a compliant suggestion. Findings in the subject or the attachment names \
                say so: `draft.txt[subject]:1:5: …`. Colour is used only on a terminal and never when \
                NO_COLOR is set. --format json prints the versioned report documented in the README.

                Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage or input error.

                Examples:
                  parley lint draft.txt
                  parley lint --subject "Your return" --attach label.pdf draft.txt
                  echo '{"body": "Call me on +44 7700 900123"}' | parley lint --format json -
                """)

        @Argument(help: ArgumentHelp("Draft files, or - for standard input.", valueName: "input"))
        var inputs: [String] = []

        @Option(help: "The subject line (replaces a JSON draft's subject).")
        var subject: String?

        @Option(
            name: .customLong("attach"),
            help: ArgumentHelp(
                "A file to attach; its real size is checked (repeatable).", valueName: "path"))
        var attachments: [String] = []

        @Option(
            help: ArgumentHelp(
                "reply, proactive, or an SP-API operation such as confirmCustomizationDetails (default: reply, or the JSON draft's message_type).",
                valueName: "type"))
        var messageType: String?

        @OptionGroup var rulesOptions: RulesOptions

        @Option(
            help: ArgumentHelp("A configuration file: disabled rules, severities, allowed domains, attachment limits.", valueName: "file"))
        var config: String?

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("How to read inputs: auto, text or json.", valueName: "kind"))
        var input: String = "auto"

        @Flag(help: "Fail (exit 1) on warnings too.")
        var strict = false

        /// Below this much text, interpreting the patterns is faster than JIT-compiling them.
        static let jitThreshold = 64 * 1024
        /// Below this much text, running every pattern costs less than working out which ones the
        /// literal prefilter could skip (a few milliseconds for the whole pack).
        static let prefilterThreshold = 4 * 1024

        public init() {}

        public mutating func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("Give at least one draft file, or - for standard input.") }
            guard DraftReader.InputFormat(rawValue: input) != nil else {
                throw ValidationError("--input must be auto, text or json, not '\(input)'.")
            }
            if let messageType, MessageType(messageType) == nil {
                throw ValidationError(
                    "Unknown message type '\(messageType)'; expected one of: \(MessageType.all.map(\.name).joined(separator: ", ")).")
            }
            if inputs.count(where: { $0 == "-" }) > 1 { throw ValidationError("Standard input (-) can be read only once.") }
        }

        public func run() throws { try output(useColor: Terminal.wantsColor()).emit() }

        /// The report and exit code, computed without printing.
        public func output(useColor: Bool = false, standardInput: (() -> Data)? = nil) throws -> CommandOutput {
            let configuration = try loadConfiguration()
            // Read every input before linting, so a bad one stops the run before any output.
            let attached = try attachments.map(Self.attachment(at:))
            var reader = DraftReader(format: DraftReader.InputFormat(rawValue: input) ?? .auto)
            if let standardInput { reader.readStandardInput = standardInput }
            var drafts: [(String, Draft)] = []
            for path in inputs {
                var draft = try reader.read(path)
                if let subject { draft.subject = subject }
                if let messageType, let type = MessageType(messageType) { draft.messageType = type }
                draft.attachments += attached
                drafts.append((path, draft))
            }
            let textSize = drafts.reduce(0) { $0 + $1.1.body.utf8.count + $1.1.subject.utf8.count }
            let linter: Linter
            do {
                let rules = try rulesOptions.loadRulesForLinting(jit: textSize > Self.jitThreshold)
                linter = try Linter(rules: rules, configuration: configuration, prefilter: textSize > Self.prefilterThreshold)
            } catch let error as LintConfigurationError {
                throw InputError("\(config ?? "configuration"): \(error)")
            }
            let report = LintReport(results: drafts.map { LintResult(source: $0.0, findings: linter.lint($0.1)) })
            let text = format.reporter(useColor: useColor).render(report, drafts: Dictionary(drafts, uniquingKeysWith: { a, _ in a }))
            return CommandOutput(text: text, exitCode: report.fails(strict: strict) ? 1 : 0)
        }

        private func loadConfiguration() throws -> LintConfiguration {
            guard let config else { return .none }
            guard let data = FileManager.default.contents(atPath: config), let text = String(data: data, encoding: .utf8) else {
                throw InputError("\(config): cannot read the configuration file")
            }
            do { return try LintConfigurationLoader().parse(text, file: config) } catch { throw InputError("\(error)") }
        }

        public static func attachment(at path: String) throws -> Attachment {
            let attributes: [FileAttributeKey: Any]
            do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
                throw InputError("\(path): cannot attach: no such file")
            }
            guard attributes[.type] as? FileAttributeType != .typeDirectory else { throw InputError("\(path): cannot attach a folder") }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            return Attachment(name: URL(fileURLWithPath: path).lastPathComponent, bytes: size)
        }
    }
}
