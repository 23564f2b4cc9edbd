public import MessageLint

/// A filled template and what the linter found in it. It is safe to send only when `passed`: no
/// finding of severity error (a value can bring in a link, a contact detail or a prohibited phrase,
/// and the message type's length limit applies).
public struct FilledReply: Sendable, Hashable {
    public var templateID: String
    /// The variant used, the language asked for, and how they relate.
    public var language: LanguageTag
    public var requestedLanguage: LanguageTag?
    public var languageMatch: LanguageMatch
    /// Says which variant stood in for the language asked for; nil when it is that language.
    public var languageNote: String?
    public var messageType: MessageType
    public var subject: String
    public var body: String
    /// The value of every variable as filled in (defaults included), and where each came from
    /// (nil for a default).
    public var values: [String: String]
    public var sources: [String: ValueSource]
    public var findings: [Finding]

    public var passed: Bool { !findings.contains { $0.severity == .error } }

    /// The text as linted: subject, body and message type.
    public var draft: Draft { Draft(subject: subject, body: body, messageType: messageType) }

    /// The names of the variables whose values contain a finding's match: the values to change.
    public func variables(behind finding: Finding) -> [String] {
        guard !finding.match.isEmpty else { return [] }
        return values.filter { sources[$0.key] != nil && $0.value.contains(finding.match) }.map(\.key).sorted()
    }
}

extension FilledReply: Encodable {
    /// The version of the JSON document; bump it on any breaking change of its shape.
    public static let currentVersion = 1

    enum CodingKeys: String, CodingKey {
        case version, template, language, subject, body, values, sources, findings, summary, passed
        case requestedLanguage = "requested_language"
        case languageMatch = "language_match"
        case messageType = "message_type"
    }

    // Optional keys are always present (null when absent) so the shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentVersion, forKey: .version)
        try container.encode(templateID, forKey: .template)
        try container.encode(language, forKey: .language)
        try container.encode(requestedLanguage, forKey: .requestedLanguage)
        try container.encode(languageMatch, forKey: .languageMatch)
        try container.encode(messageType, forKey: .messageType)
        try container.encode(subject, forKey: .subject)
        try container.encode(body, forKey: .body)
        try container.encode(values, forKey: .values)
        try container.encode(sources, forKey: .sources)
        try container.encode(findings, forKey: .findings)
        try container.encode(FindingSummary(findings), forKey: .summary)
        try container.encode(passed, forKey: .passed)
    }
}
