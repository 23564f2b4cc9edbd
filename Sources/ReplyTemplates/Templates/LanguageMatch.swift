/// How the variant used relates to the language asked for.
public enum LanguageMatch: String, Sendable, Hashable, Codable {
    /// The variant in exactly the language asked for.
    case exact
    /// Another variant of the same language: en-GB for en-AU, en-US for en.
    case sameLanguage = "same-language"
    /// No variant in the language asked for; en-US (or the first there is) instead.
    case fallback
    /// No language asked for: en-US when there is one.
    case `default`
}

/// A template variant picked for a language, and how well it matches.
public struct TemplateChoice: Sendable {
    public let template: ReplyTemplate
    public let requested: LanguageTag?
    public let match: LanguageMatch

    /// Says which variant stands in when it is not the one asked for; nil when it is.
    public var note: String? {
        switch match {
        case .exact: return nil
        case .default: return template.language == .americanEnglish ? nil : "using the \(template.language) variant of \(template.id)"
        case .sameLanguage, .fallback:
            return "\(template.id) has no \(requested.map(\.rawValue) ?? "") variant; using \(template.language)"
        }
    }
}
