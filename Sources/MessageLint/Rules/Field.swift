/// The part of a draft a rule looks at and a finding points into.
public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
    case subject
    case body
    /// The attachment names, one per line: line N is attachment N.
    case attachmentName = "attachment-name"
}

extension Field {
    /// The field's place in `allCases`, for per-field storage without hashing.
    var slot: Int {
        switch self {
        case .subject: 0
        case .body: 1
        case .attachmentName: 2
        }
    }
}
