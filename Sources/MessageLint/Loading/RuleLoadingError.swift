/// Why a rule file did not load, with the place in the file and the rule id when there is one:
/// `rules/contact-info.yaml:2:11: contact-info.email: unknown severity 'eror' (expected error, warning or info)`.
public struct RuleLoadingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var ruleID: String?
    public var message: String

    public init(location: SourceLocation, ruleID: String? = nil, message: String) {
        self.location = location
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String {
        "\(location): \(ruleID.map { "\($0): " } ?? "")\(message)"
    }
}
