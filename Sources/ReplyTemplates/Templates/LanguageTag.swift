/// A BCP 47 language tag in the shape templates use: a language, an optional script and an
/// optional region, in canonical case (`en-US`, `en-GB`, `de-DE`, `zh-Hant-TW`, `es-419`).
public struct LanguageTag: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The canonical form, e.g. `en-GB`.
    public let rawValue: String
    /// The primary language subtag, e.g. `en`.
    public let language: String
    /// The region subtag, e.g. `GB` or `419`, when there is one.
    public let region: String?

    /// Parses a tag written in canonical case; nil for anything else (`en_gb`, `english`, `EN-gb`).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(Self.isLowerLetter) else { return nil }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.first.map(Self.isUpperLetter) == true,
            script.dropFirst().allSatisfy(Self.isLowerLetter)
        {
            rest = rest.dropFirst()
        }
        var region: String?
        if let candidate = rest.first {
            let isAlpha = candidate.count == 2 && candidate.allSatisfy(Self.isUpperLetter)
            let isNumeric = candidate.count == 3 && candidate.allSatisfy { $0.isASCII && $0.isNumber }
            guard isAlpha || isNumeric else { return nil }
            region = candidate
            rest = rest.dropFirst()
        }
        guard rest.isEmpty else { return nil }
        self.rawValue = text
        self.language = first
        self.region = region
    }

    /// Parses what a person or a marketplace might send: any case, `_` for `-` (`en_gb` → `en-GB`).
    public init?(lenient text: String) {
        let parts = text.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        let canonical = parts.enumerated().map { index, part -> String in
            if index == 0 { return part.lowercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.uppercased()
        }
        self.init(canonical.joined(separator: "-"))
    }

    public static let americanEnglish = LanguageTag(known: "en-US", language: "en", region: "US")
    public static let britishEnglish = LanguageTag(known: "en-GB", language: "en", region: "GB")

    private init(known rawValue: String, language: String, region: String?) {
        self.rawValue = rawValue
        self.language = language
        self.region = region
    }

    public var description: String { rawValue }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let tag = LanguageTag(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a BCP 47 tag: '\(text)'"))
        }
        self = tag
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func isLowerLetter(_ character: Character) -> Bool { character.isASCII && character.isLowercase }
    private static func isUpperLetter(_ character: Character) -> Bool { character.isASCII && character.isUppercase }
}
