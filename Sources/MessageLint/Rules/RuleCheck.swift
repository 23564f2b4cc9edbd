/// The code behind a rule: most rules are patterns, a few look at structure the text cannot show.
public enum RuleCheck: Sendable, Hashable, Codable {
    /// A finding for every match of a pattern, minus exceptions.
    case pattern
    /// One finding when no pattern matches any of the rule's fields (e.g. a proactive message
    /// without an order id).
    case requiredPattern
    /// Too many (or, with `min`, too few) attachments.
    case attachmentCount(max: Int, min: Int)
    /// An attachment over `maxBytes`.
    case attachmentSize(maxBytes: Int)
    /// An attachment whose extension is not in the allow-list (lower-case, without the dot).
    case attachmentType(allowedExtensions: Set<String>)
    /// A body longer than the limit for its message type, in code points.
    case length(limits: [String: Int])

    public var name: String {
        switch self {
        case .pattern: "pattern"
        case .requiredPattern: "required-pattern"
        case .attachmentCount: "attachment-count"
        case .attachmentSize: "attachment-size"
        case .attachmentType: "attachment-type"
        case .length: "length"
        }
    }

    public var usesPatterns: Bool { self == .pattern || self == .requiredPattern }
}
