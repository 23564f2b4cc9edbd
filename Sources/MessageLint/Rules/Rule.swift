public import PCRE2

/// One policy rule, loaded from `rules/*.yaml`: what to look for, how serious it is, and why.
public struct Rule: Sendable, Identifiable {
    public var id: String
    public var category: Category
    public var severity: Severity
    public var confidence: Confidence?
    /// The finding's message; `%s` is replaced by the matched text.
    public var message: String
    /// A link to the Amazon source or a POLICY.md section.
    public var policy: String
    public var check: RuleCheck
    public var patterns: [PCRE2Regex]
    /// Patterns that cancel a finding when they match its whole span.
    public var exceptions: [PCRE2Regex]
    /// Regions where the rule does not apply (a quoted buyer, the seller explaining the policy): a
    /// match starting inside one is dropped. Several rules can share one skip pattern; its matches
    /// are found once per field and lint.
    public var skips: [PCRE2Regex] = []
    public var fields: [Field]
    /// The message types the rule applies to; empty means all.
    public var messageTypes: [MessageType]
    /// Message types excluded even when `messageTypes` selects them (`proactive` but not `sendInvoice`).
    public var exceptMessageTypes: [MessageType] = []
    public var suggestion: String?
    public var examples: [RuleExample]
    /// Where the rule is defined (`rules/contact-info.yaml:12:3`).
    public var location: SourceLocation

    public init(
        id: String, category: Category, severity: Severity, confidence: Confidence? = nil, message: String,
        policy: String, check: RuleCheck = .pattern, patterns: [PCRE2Regex] = [], exceptions: [PCRE2Regex] = [],
        fields: [Field] = [.body, .subject], messageTypes: [MessageType] = [], suggestion: String? = nil,
        examples: [RuleExample] = [], location: SourceLocation = SourceLocation(file: "<memory>", line: 0, column: 0)
    ) {
        self.id = id
        self.category = category
        self.severity = severity
        self.confidence = confidence
        self.message = message
        self.policy = policy
        self.check = check
        self.patterns = patterns
        self.exceptions = exceptions
        self.fields = fields
        self.messageTypes = messageTypes
        self.suggestion = suggestion
        self.examples = examples
        self.location = location
    }

    public func applies(to type: MessageType) -> Bool {
        (messageTypes.isEmpty || messageTypes.contains { type.isSelected(by: $0) })
            && !exceptMessageTypes.contains { type.isSelected(by: $0) }
    }

    /// The message with `%s` replaced by the match.
    public func message(quoting match: String) -> String {
        message.replacingOccurrences(of: "%s", with: match)
    }
}
