public import MessageLint

/// Why the templates folder did not load, with the place in the file and the template id when
/// known: `templates/returns/return-authorised.en-GB.mustache:4:11: return-authorised: unknown
/// category 'refunds' (expected returns, feedback, delivery, order, customisation or other)`.
public struct TemplateLoadingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var templateID: String?
    public var message: String

    public init(location: SourceLocation, templateID: String? = nil, message: String) {
        self.location = location
        self.templateID = templateID
        self.message = message
    }

    public var description: String {
        "\(location): \(templateID.map { "\($0): " } ?? "")\(message)"
    }
}
