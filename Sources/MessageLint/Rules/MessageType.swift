/// What kind of message a draft is: a reply to a buyer, a free-form proactive message, or one of the
/// SP-API Messaging operations (which are all proactive and have their own text limits).
public struct MessageType: Sendable, Hashable, Codable, CustomStringConvertible {
    public let name: String

    public init?(_ name: String) {
        guard let known = Self.all.first(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
        self = known
    }

    private init(known name: String) { self.name = name }

    public static let reply = MessageType(known: "reply")
    public static let proactive = MessageType(known: "proactive")

    /// SP-API Messaging operations that send a message (../shared/reference/sp-api/messaging.json).
    /// Spelling follows the model, `CreateWarranty` capital C included.
    public static let apiOperations: [MessageType] = [
        "confirmCustomizationDetails", "createConfirmDeliveryDetails", "createConfirmOrderDetails",
        "createConfirmServiceDetails", "createUnexpectedProblem", "createDigitalAccessKey",
        "createLegalDisclosure", "CreateWarranty", "sendInvoice",
    ].map(MessageType.init(known:))

    public static let all: [MessageType] = [.reply, .proactive] + apiOperations

    /// Everything but a reply is seller-initiated.
    public var isProactive: Bool { self != .reply }

    /// Whether a rule restricted to `selector` applies to this type; `proactive` selects every
    /// seller-initiated type.
    public func isSelected(by selector: MessageType) -> Bool {
        selector == self || (selector == .proactive && isProactive)
    }

    public var description: String { name }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let type = MessageType(name) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown message type '\(name)' (expected \(MessageType.all.map(\.name).joined(separator: ", ")))"))
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
