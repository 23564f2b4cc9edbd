import ArgumentParser
import MessageLint

extension Parley {
    /// `parley rules`: what the rule pack checks.
    public struct Rules: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the rules, or explain one.",
            subcommands: [List.self, Explain.self],
            defaultSubcommand: List.self)

        public init() {}
    }
}

extension Parley.Rules {
    /// `parley rules list`: one line per rule.
    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every rule: id, category, severity and message.")

        @OptionGroup var rulesOptions: RulesOptions

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        public init() {}

        public func run() throws { try output().emit() }

        public func output() throws -> CommandOutput {
            let rules = try rulesOptions.loadRules().sorted { $0.id < $1.id }
            switch format {
            case .json:
                return CommandOutput(text: JSONReporter.encode(RuleCatalog(rules: rules)))
            case .text:
                let idWidth = rules.map(\.id.count).max() ?? 0
                let categoryWidth = Category.allCases.map(\.rawValue.count).max() ?? 0
                var text = ""
                for rule in rules {
                    text += rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                    text += rule.category.rawValue.padding(toLength: categoryWidth, withPad: " ", startingAt: 0) + "  "
                    text += rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.message + "\n"
                }
                text += "\(rules.count) rules\n"
                return CommandOutput(text: text)
            }
        }
    }

    /// `parley rules explain ID`: a rule with its policy link and examples.
    public struct Explain: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain one rule: what it flags, why, its policy link and its examples.")

        @Argument(help: "The rule id, e.g. contact-info.email-address.")
        var id: String

        @OptionGroup var rulesOptions: RulesOptions

        public init() {}

        public func run() throws { try output().emit() }

        public func output() throws -> CommandOutput {
            let rules = try rulesOptions.loadRules()
            guard let rule = rules.first(where: { $0.id == id }) else {
                let close = rules.map(\.id).filter { $0.hasPrefix(id.split(separator: ".").first.map(String.init) ?? id) }
                throw InputError(
                    "unknown rule '\(id)'" + (close.isEmpty ? "" : "; rules of that category: \(close.joined(separator: ", "))"))
            }
            return CommandOutput(text: RuleExplanation(rule: rule).text)
        }
    }
}
