import ArgumentParser
import Foundation
import MessageLint
import MessageStore
import ReplyTemplates

extension Parley.Template {
    /// `parley template fill ID`: the filled, linted message.
    public struct Fill: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "fill",
            abstract: "Fill a template with your values and lint the result.",
            discussion: """
                Values come from --set (strongest), a JSON file given with --vars, and a stored \
                thread given with --thread (T12, as `parley inbox` prints it): its buyer_name (the \
                buyer's display name, when the mail showed one), order_id, asin and order_date (the \
                thread's first day, YYYY-MM-DD), each used only where the template declares it; a \
                variable none of them sets takes its default. The store keeps no product name, so \
                give `product` with --set or --vars. An unknown thread stops with exit 2. A missing required variable, a name \
                the template does not declare, or a value of the wrong format (an order id must look \
                like 114-3941689-8779232) stops with exit 2 and names the variable. `parley template \
                show ID` lists the variables.

                The filled subject and body are plain text (values are never HTML-escaped) and are \
                linted with the full rule pack as the template's message type, length limit \
                included. When nothing is an error, the message is printed (exit 0), with any \
                warnings on standard error. When a value brings in a link, a contact detail or a \
                prohibited phrase, the findings are printed like `parley lint` prints them, naming \
                the variable behind each, and nothing else (exit 1). --format json prints the \
                subject, body, values, findings and language used as one document (version 1).

                --language picks the variant for the buyer's language (with --thread and no --language, \
                the language of the thread's marketplace: amazon.co.uk → en-GB): exactly that language, else \
                the same language elsewhere (en-AU uses en-GB), else en-US; standard error says \
                which variant stood in.

                Exit codes: 0 filled and clean, 1 filled with errors found, 2 usage or input error.

                Examples:
                  parley template fill return-received-refund-issued --vars order.json \\
                    --set refund_amount='£129.99' --set refund_date='19 March 2026'
                  parley template fill delivery-delayed --vars order.json --language en-AU
                  parley template fill review-request-neutral --vars order.json --format json
                  parley template fill return-authorised --thread T12 \\
                    --set product='Oak Bedside Table' --set seller_name='Oakline Home'
                """)

        @Argument(help: "The template id, e.g. return-authorised.")
        var id: String

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp("A value: name=value (repeatable; wins over --vars and --thread).", valueName: "name=value"))
        var assignments: [String] = []

        @Option(help: ArgumentHelp("A JSON object of values: {\"order_id\": \"114-3941689-8779232\", …}.", valueName: "file"))
        var vars: String?

        @Option(
            help: ArgumentHelp(
                "A stored thread (T12) whose buyer name, order id, ASIN and order date fill in (weakest source).", valueName: "thread"))
        var thread: ThreadArgument?

        @Option(help: ArgumentHelp("The buyer's language (BCP 47: en-US, en-GB); picks the variant.", valueName: "language"))
        var language: LanguageTag?

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        @OptionGroup var rulesOptions: RulesOptions

        @OptionGroup var templatesOptions: TemplatesOptions

        @OptionGroup var database: DatabaseOptions

        public init() {}

        public mutating func validate() throws {
            var seen: Set<String> = []
            for assignment in assignments {
                guard let (name, _) = Self.split(assignment) else {
                    throw ValidationError("--set expects name=value, not '\(assignment)'.")
                }
                guard seen.insert(name).inserted else { throw ValidationError("--set gives '\(name)' more than once.") }
            }
        }

        public func run() throws { try output(useColor: Terminal.wantsColor()).emit() }

        /// The filled message or the findings, and the exit code, computed without printing.
        public func output(useColor: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) throws
            -> CommandOutput
        {
            let stored = try thread.map { try storedThread(for: $0, environment: environment) }
            let threadValues = stored.map(ThreadTemplateValues.values(of:)) ?? [:]
            // The buyer's language picks the variant unless --language says otherwise.
            let language = self.language ?? stored.flatMap(ThreadTemplateValues.language(of:)).flatMap { LanguageTag($0) }
            let library = try templatesOptions.loadLibrary()
            let fileValues = try vars.map(Self.readValues(at:)) ?? [:]
            let explicit = Dictionary(assignments.compactMap(Self.split), uniquingKeysWith: { _, last in last })
            let filler = TemplateFiller(library: library, linter: try Linter(rules: try rulesOptions.loadRulesForLinting(jit: false)))
            let reply: FilledReply
            do {
                reply = try filler.fill(
                    id, values: TemplateValues(explicit: explicit, file: fileValues, thread: threadValues), language: language)
            } catch {
                throw InputError(error.description)
            }
            let notes = reply.languageNote.map { "parley: note: \($0)\n" } ?? ""
            let exitCode: Int32 = reply.passed ? 0 : 1
            if format == .json { return CommandOutput(text: JSONReporter.encode(reply), exitCode: exitCode, notes: notes) }
            let source = "\(reply.templateID).\(reply.language)"
            let report = LintReport(results: [LintResult(source: source, findings: reply.findings)])
            guard reply.passed else {
                let findings = TextReporter(useColor: useColor).render(report, drafts: [source: reply.draft])
                return CommandOutput(text: findings + culprits(reply), exitCode: exitCode, notes: notes)
            }
            var warnings = ""
            if !reply.findings.isEmpty {
                warnings = TextReporter(useColor: false).render(report, drafts: [source: reply.draft]) + culprits(reply)
            }
            return CommandOutput(text: "Subject: \(reply.subject)\n\n\(reply.body)\n", exitCode: exitCode, notes: notes + warnings)
        }

        /// `note: 'www.example.com' is in the value of 'product' (--set)`: which value to change.
        private func culprits(_ reply: FilledReply) -> String {
            var out = ""
            var seen: Set<String> = []
            for finding in reply.findings where seen.insert(finding.match).inserted {
                for name in reply.variables(behind: finding) {
                    let option = reply.sources[name].map { Self.option(for: $0) } ?? "default"
                    out += "note: '\(finding.match)' is in the value of '\(name)' (\(option))\n"
                }
            }
            return out
        }

        private static func option(for source: ValueSource) -> String {
            switch source {
            case .explicit: "--set"
            case .file: "--vars"
            case .thread: "--thread"
            }
        }

        /// `name=value`, split at the first `=`; the value may be empty or contain `=`.
        static func split(_ assignment: String) -> (String, String)? {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else { return nil }
            return (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
        }

        /// The stored thread whose values fill in (`ThreadTemplateValues`); an unknown thread is an
        /// input error naming it.
        private func storedThread(for thread: ThreadArgument, environment: [String: String]) throws -> Conversation {
            let store = try database.open(environment: environment)
            // Every stored message counts: the values describe the thread, not a moment in it.
            return try StoreAccess.run { try store.conversation(threadID: thread.id, asOf: .distantFuture) }
        }

        /// A JSON object whose values are strings or whole numbers.
        static func readValues(at path: String) throws -> [String: String] {
            guard let data = FileManager.default.contents(atPath: path) else { throw InputError("\(path): no such file") }
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: data) } catch {
                throw InputError("\(path): not valid JSON")
            }
            guard let dictionary = object as? [String: Any] else {
                throw InputError("\(path): expected a JSON object of variable names and values")
            }
            var values: [String: String] = [:]
            for (name, value) in dictionary {
                if let string = value as? String {
                    values[name] = string
                } else if let number = value as? NSNumber, !(value is Bool), number.doubleValue == number.doubleValue.rounded(),
                    let whole = Int(exactly: number.doubleValue)
                {
                    values[name] = String(whole)
                } else {
                    throw InputError("\(path): the value of '\(name)' must be a string or a whole number")
                }
            }
            return values
        }
    }
}
