/// The seven kinds of finding. Every rule belongs to exactly one; `parley eval` scores each separately.
public enum Category: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case externalLink = "external-link"
    case contactInfo = "contact-info"
    case promotional
    case reviewSolicitation = "review-solicitation"
    case attachment
    case format
    case messageType = "message-type"

    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
