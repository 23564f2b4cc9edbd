/// A message a seller is about to send: what `parley lint` checks. Its JSON form is the input format
/// `{"subject", "body", "attachments": [{"name", "bytes"}], "message_type"}`.
public struct Draft: Sendable, Hashable, Codable {
    public var subject: String
    public var body: String
    public var attachments: [Attachment]
    public var messageType: MessageType

    public init(subject: String = "", body: String, attachments: [Attachment] = [], messageType: MessageType = .reply) {
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.messageType = messageType
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case subject, body, attachments
        case messageType = "message_type"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decodeIfPresent(String.self, forKey: .subject) ?? ""
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? ""
        attachments = try container.decodeIfPresent([Attachment].self, forKey: .attachments) ?? []
        messageType = try container.decodeIfPresent(MessageType.self, forKey: .messageType) ?? .reply
    }

    /// The text of a field; attachment names are one per line, so line N is attachment N.
    public func text(of field: Field) -> String {
        switch field {
        case .subject: subject
        case .body: body
        case .attachmentName: attachments.map(\.name).joined(separator: "\n")
        }
    }
}

/// A file attached to a draft: its name as the buyer sees it and its size in bytes.
public struct Attachment: Sendable, Hashable, Codable {
    public var name: String
    public var bytes: Int

    public init(name: String, bytes: Int) {
        self.name = name
        self.bytes = bytes
    }

    /// The lower-cased extension without the dot, or "" when the name has none.
    public var fileExtension: String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}
