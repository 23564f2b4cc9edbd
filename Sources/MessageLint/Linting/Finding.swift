/// One problem in a draft: where (field, line, column, code-point offset and length), why (message
/// and rule), and which policy. Encoded as-is in the JSON report.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var category: Category
    public var severity: Severity
    public var message: String
    public var policy: String
    public var field: Field
    /// 1-based line in the field's text.
    public var line: Int
    /// 1-based column in code points.
    public var column: Int
    /// 0-based offset in code points of the field's text.
    public var offset: Int
    /// Length in code points.
    public var length: Int
    public var match: String
    public var suggestion: String?

    public init(
        rule: String, category: Category, severity: Severity, message: String, policy: String, field: Field,
        line: Int, column: Int, offset: Int, length: Int, match: String, suggestion: String?
    ) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.policy = policy
        self.field = field
        self.line = line
        self.column = column
        self.offset = offset
        self.length = length
        self.match = match
        self.suggestion = suggestion
    }

    enum CodingKeys: String, CodingKey {
        case rule, category, severity, message, policy, field, line, column, offset, length, match, suggestion
    }

    // `suggestion` is always present in JSON (null when absent) so the shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(policy, forKey: .policy)
        try container.encode(field, forKey: .field)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(offset, forKey: .offset)
        try container.encode(length, forKey: .length)
        try container.encode(match, forKey: .match)
        try container.encode(suggestion, forKey: .suggestion)
    }
}

extension Finding {
    /// The order findings are reported in: subject, body, attachments; then by position and rule.
    static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let fields = Field.allCases
        let (lf, rf) = (fields.firstIndex(of: lhs.field)!, fields.firstIndex(of: rhs.field)!)
        if lf != rf { return lf < rf }
        if lhs.offset != rhs.offset { return lhs.offset < rhs.offset }
        if lhs.length != rhs.length { return lhs.length > rhs.length }
        return lhs.rule < rhs.rule
    }
}
