import Foundation

/// One message read from a seller's mail or an export, before it is stored: what the store needs to
/// thread it, time it and show it. Parsers produce these; `MessageStore` decides threads and timers.
public struct ImportedMessage: Sendable, Hashable {
    /// A stable id for de-duplication: the Message-ID, the export's `id`, or a content hash.
    public var externalID: String
    /// Who sent it.
    public var direction: Direction
    /// When it was sent or received, as an instant (stored in UTC).
    public var sentAt: Date
    public var subject: String
    /// The text a person wrote, with Amazon's notification boilerplate removed when recognised.
    public var body: String
    public var attachments: [ImportedAttachment]
    /// The thread key the source names explicitly (JSONL/CSV `thread`), if any.
    public var threadKey: String?
    /// The Amazon marketplace host suffix (`com`, `co.uk`, `de`, …) when known.
    public var marketplace: String?
    public var orderID: String?
    public var asin: String?
    /// The buyer's relay alias (the local part before `+`, lower-cased), the thread key for Amazon mail.
    public var buyerAlias: String?
    /// The buyer's display name when the mail shows one.
    public var buyerName: String?
    /// The buyer's relay address to answer to (`alias+tag@marketplace.amazon.com`).
    public var replyAddress: String?
    /// The `From` address of a mail, as written (nil for exports).
    public var senderAddress: String?
    public var kind: MessageKind
    public var noResponseNeeded: Bool
    /// Amazon's "no response needed" link in a relayed buyer message (POLICY §4.5), byte for byte.
    /// Read but not stored yet: the store has no column for it before a migration.
    public var noResponseNeededLink: String?
    /// The `[commMgrTok:…]` token of a relayed buyer message in Amazon's old layout (POLICY §4.4);
    /// read but not stored yet, like the link.
    public var communicationToken: String?
    public var isAutoReply: Bool
    /// RFC 5322 threading for mail outside Amazon's relay.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// Where the message came from, for error messages and `parley thread`.
    public var source: SourcePosition

    public init(
        externalID: String, direction: Direction, sentAt: Date, subject: String = "", body: String = "",
        attachments: [ImportedAttachment] = [], threadKey: String? = nil, marketplace: String? = nil,
        orderID: String? = nil, asin: String? = nil, buyerAlias: String? = nil, buyerName: String? = nil,
        replyAddress: String? = nil, senderAddress: String? = nil, kind: MessageKind = .message, noResponseNeeded: Bool = false,
        noResponseNeededLink: String? = nil, communicationToken: String? = nil, isAutoReply: Bool = false, messageID: String? = nil,
        inReplyTo: String? = nil, references: [String] = [],
        source: SourcePosition
    ) {
        self.externalID = externalID
        self.direction = direction
        self.sentAt = sentAt
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.threadKey = threadKey
        self.marketplace = marketplace
        self.orderID = orderID
        self.asin = asin
        self.buyerAlias = buyerAlias
        self.buyerName = buyerName
        self.replyAddress = replyAddress
        self.senderAddress = senderAddress
        self.kind = kind
        self.noResponseNeeded = noResponseNeeded
        self.noResponseNeededLink = noResponseNeededLink
        self.communicationToken = communicationToken
        self.isAutoReply = isAutoReply
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.source = source
    }
}

/// Who sent a message.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case buyer, seller, amazon
}

/// What a message is, beyond its direction.
public enum MessageKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A person's message (buyer question, seller reply).
    case message
    /// Amazon's request to return an item; starts the 48-hour return clock.
    case returnRequest = "return-request"
    /// A buyer's cancellation request relayed by Amazon.
    case cancellationRequest = "cancellation-request"
    /// Any other Amazon notice (A-to-z claim, refund initiated, …); never starts a clock.
    case notice
}

public struct ImportedAttachment: Sendable, Hashable, Codable {
    public var name: String
    /// Decoded size in bytes.
    public var bytes: Int

    public init(name: String, bytes: Int) {
        self.name = name
        self.bytes = bytes
    }
}

/// Where a record sits in its source: the file and a line (text formats) or a message number
/// (mailboxes, 1-based), so every error and every stored message can be traced back.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var messageNumber: Int?

    public init(file: String, line: Int? = nil, messageNumber: Int? = nil) {
        self.file = file
        self.line = line
        self.messageNumber = messageNumber
    }

    public var description: String {
        if let line { return "\(file):\(line)" }
        if let messageNumber { return "\(file): message \(messageNumber)" }
        return file
    }
}
