/// A seller's adjustments to the shipped rules (`parley lint --config FILE`).
public struct LintConfiguration: Sendable, Hashable {
    /// Rule ids not to run.
    public var disabledRules: Set<String>
    /// New severities by rule id.
    public var severities: [String: Severity]
    /// Hosts (with their subdomains) that external-link rules must not report.
    public var allowedDomains: [String]
    /// Overrides of the attachment checks' options.
    public var maxAttachmentCount: Int?
    public var maxAttachmentBytes: Int?
    public var allowedExtensions: Set<String>?

    public init(
        disabledRules: Set<String> = [], severities: [String: Severity] = [:], allowedDomains: [String] = [],
        maxAttachmentCount: Int? = nil, maxAttachmentBytes: Int? = nil, allowedExtensions: Set<String>? = nil
    ) {
        self.disabledRules = disabledRules
        self.severities = severities
        self.allowedDomains = allowedDomains.map { $0.lowercased() }
        self.maxAttachmentCount = maxAttachmentCount
        self.maxAttachmentBytes = maxAttachmentBytes
        self.allowedExtensions = allowedExtensions
    }

    public static let none = LintConfiguration()

    /// The rules as this configuration wants them: disabled ones dropped, severities and attachment
    /// limits replaced. Unknown rule ids are an error, so a typo does not silently keep a rule on.
    public func apply(to rules: [Rule]) throws(LintConfigurationError) -> [Rule] {
        let known = Set(rules.map(\.id))
        for id in disabledRules.union(severities.keys).sorted() where !known.contains(id) {
            throw .unknownRule(id)
        }
        return rules.filter { !disabledRules.contains($0.id) }.map { rule in
            var rule = rule
            if let severity = severities[rule.id] { rule.severity = severity }
            switch rule.check {
            case let .attachmentCount(max, min): rule.check = .attachmentCount(max: maxAttachmentCount ?? max, min: min)
            case let .attachmentSize(maxBytes): rule.check = .attachmentSize(maxBytes: maxAttachmentBytes ?? maxBytes)
            case let .attachmentType(allowed): rule.check = .attachmentType(allowedExtensions: allowedExtensions ?? allowed)
            default: break
            }
            return rule
        }
    }

    /// Whether `host` is one of the allowed domains or a subdomain of one.
    public func allows(host: String) -> Bool {
        let host = host.lowercased()
        return allowedDomains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}

public enum LintConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownRule(String)
    case invalid(location: SourceLocation, message: String)

    public var description: String {
        switch self {
        case let .unknownRule(id): "unknown rule id '\(id)' in the configuration"
        case let .invalid(location, message): "\(location): \(message)"
        }
    }
}
