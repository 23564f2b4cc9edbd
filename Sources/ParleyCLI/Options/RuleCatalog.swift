import MessageLint
import PCRE2

/// The JSON form of `parley rules list --format json`.
struct RuleCatalog: Encodable {
    struct Entry: Encodable {
        var id: String
        var category: Category
        var severity: Severity
        var confidence: String?
        var message: String
        var policy: String
        var check: String
        var caseless: Bool
        /// The compiled patterns, vocabularies expanded (for tools that replay them, e.g. the benchmark).
        var patterns: [String]
        var fields: [String]
        var messageTypes: [String]

        enum CodingKeys: String, CodingKey {
            case id, category, severity, confidence, message, policy, check, caseless, patterns, fields
            case messageTypes = "message_types"
        }
    }

    var version = 1
    var rules: [Entry]

    init(rules: [Rule]) {
        self.rules = rules.map {
            Entry(
                id: $0.id, category: $0.category, severity: $0.severity, confidence: $0.confidence?.rawValue,
                message: $0.message, policy: $0.policy, check: $0.check.name,
                caseless: $0.patterns.first?.options.contains(.caseless) ?? false, patterns: $0.patterns.map(\.pattern),
                fields: $0.fields.map(\.rawValue), messageTypes: $0.messageTypes.map(\.name))
        }
    }
}

/// The text of `parley rules explain ID`.
struct RuleExplanation {
    let rule: Rule

    var appliesTo: String {
        var text = rule.messageTypes.isEmpty ? "all message types" : rule.messageTypes.map(\.name).joined(separator: ", ")
        if !rule.exceptMessageTypes.isEmpty { text += " except " + rule.exceptMessageTypes.map(\.name).joined(separator: ", ") }
        return text
    }

    /// The prefilter's condition for one pattern, e.g. `("\breview" or "\bfeedback") and "refund"`:
    /// `\b` marks a word boundary, a space any run of white space, `·` a letter outside ASCII.
    static func describe(_ required: RequiredLiterals) -> String {
        guard !required.clauses.isEmpty else { return "anything (no required literal; always runs)" }
        return required.clauses.map { clause in
            // The scanner's alphabet: \u{1} is a word boundary, \u{2} a letter outside ASCII.
            let quoted = clause.map {
                "\"" + $0.replacingOccurrences(of: "\u{1}", with: "\\b").replacingOccurrences(of: "\u{2}", with: "·") + "\""
            }
            let shown =
                quoted.count > 12
                ? quoted.prefix(12).joined(separator: " or ") + " or … (\(quoted.count))" : quoted.joined(separator: " or ")
            return clause.count > 1 && required.clauses.count > 1 ? "(\(shown))" : shown
        }.joined(separator: " and ")
    }

    /// Where a pattern's matches can begin, e.g. `starts at "\bgift" or "\bvoucher"`, or why it is
    /// tried at every position.
    static func describe(_ starts: StartLiterals?) -> String {
        guard let starts else { return "anywhere (no start literal; PCRE2 tries every position)" }
        let quoted = starts.literals.map {
            "\"" + $0.replacingOccurrences(of: "\u{1}", with: "\\b").replacingOccurrences(of: "\u{2}", with: "·") + "\""
        }
        return quoted.count > 12
            ? quoted.prefix(12).joined(separator: " or ") + " or … (\(quoted.count))" : quoted.joined(separator: " or ")
    }

    var text: String {
        var out = "\(rule.id)  (\(rule.category.rawValue), \(rule.severity.rawValue)"
        out += rule.confidence.map { ", source: \($0.rawValue)" } ?? ""
        out += ")\n\n\(rule.message)\n\npolicy:     \(rule.policy)\n"
        out += "check:      \(rule.check.name)\n"
        out += "fields:     \(rule.fields.map(\.rawValue).joined(separator: ", "))\n"
        out += "applies to: \(appliesTo)\n"
        if let suggestion = rule.suggestion { out += "suggestion: \(suggestion)\n" }
        out += "defined at: \(rule.location)\n"
        if !rule.patterns.isEmpty {
            out +=
                "\npatterns:\n"
                + rule.patterns.map { pattern in
                    "  \(pattern.pattern.count > 200 ? String(pattern.pattern.prefix(200)) + "…" : pattern.pattern)\n"
                        + "    runs when the text holds: \(Self.describe(pattern.requiredLiterals))\n"
                        + "    matches start at: \(Self.describe(pattern.startLiterals))\n"
                }.joined()
        }
        for (title, mustFlag) in [("flags", true), ("passes", false)] {
            out += "\n\(title):\n"
            for example in rule.examples where example.mustFlag == mustFlag {
                var line = example.draft.body.replacingOccurrences(of: "\n", with: "⏎")
                if !example.draft.subject.isEmpty { line = "[subject: \(example.draft.subject)] " + line }
                if example.draft.messageType != .reply { line = "(\(example.draft.messageType.name)) " + line }
                if !example.draft.attachments.isEmpty {
                    line +=
                        " [attachments: " + example.draft.attachments.map { "\($0.name) (\($0.bytes) bytes)" }.joined(separator: ", ") + "]"
                }
                if line.count > 160 { line = String(line.prefix(157)) + "…" }
                out += "  - \(line)\n"
            }
        }
        return out
    }
}
