import Foundation
import GRDB
import MailImport

/// One stored message: a buyer's question, a seller's reply, or an Amazon notice, with where it came
/// from. `sentAt` is an instant (GRDB stores it in UTC).
public struct Message: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var threadId: Int64
    /// The de-duplication key: the source's id, Message-ID or content hash; `parley:<message-id>`
    /// for replies recorded by `parley reply`.
    public var externalID: String
    /// The RFC 5322 Message-ID without angle brackets, when known.
    public var rfcMessageID: String?
    public var inReplyTo: String?
    public var referenceIDs: [String]
    public var direction: Direction
    public var kind: MessageKind
    public var sentAt: Date
    public var subject: String
    public var body: String
    public var attachments: [ImportedAttachment]
    public var asin: String?
    public var noResponseNeeded: Bool
    /// When `parley mark` set ``noResponseNeeded``; nil when the source said so. A mark after
    /// `asOf` does not count yet.
    public var noResponseNeededAt: Date?
    public var isAutoReply: Bool
    public var sourceFile: String
    public var sourceLine: Int?
    public var sourceMessageNumber: Int?

    public init(
        id: Int64? = nil, threadId: Int64, externalID: String, rfcMessageID: String? = nil, inReplyTo: String? = nil,
        referenceIDs: [String] = [], direction: Direction, kind: MessageKind = .message, sentAt: Date, subject: String = "",
        body: String = "", attachments: [ImportedAttachment] = [], asin: String? = nil, noResponseNeeded: Bool = false,
        noResponseNeededAt: Date? = nil, isAutoReply: Bool = false, source: SourcePosition
    ) {
        self.id = id
        self.threadId = threadId
        self.externalID = externalID
        self.rfcMessageID = rfcMessageID
        self.inReplyTo = inReplyTo
        self.referenceIDs = referenceIDs
        self.direction = direction
        self.kind = kind
        self.sentAt = sentAt
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.asin = asin
        self.noResponseNeeded = noResponseNeeded
        self.noResponseNeededAt = noResponseNeededAt
        self.isAutoReply = isAutoReply
        self.sourceFile = source.file
        self.sourceLine = source.line
        self.sourceMessageNumber = source.messageNumber
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let threadId = Column(CodingKeys.threadId)
        public static let externalID = Column(CodingKeys.externalID)
        public static let rfcMessageID = Column(CodingKeys.rfcMessageID)
        public static let direction = Column(CodingKeys.direction)
        public static let kind = Column(CodingKeys.kind)
        public static let sentAt = Column(CodingKeys.sentAt)
        public static let body = Column(CodingKeys.body)
        public static let isAutoReply = Column(CodingKeys.isAutoReply)
        public static let noResponseNeeded = Column(CodingKeys.noResponseNeeded)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Where the message came from.
    public var source: SourcePosition {
        SourcePosition(file: sourceFile, line: sourceLine, messageNumber: sourceMessageNumber)
    }

    /// A customer message: a buyer's own message, which starts a 24-hour clock unless it is marked
    /// no-response-needed. Buyer auto-replies and Amazon's notices are not customer messages.
    public var isCustomerMessage: Bool { direction == .buyer && kind == .message && !isAutoReply }

    /// A seller message that stops the clocks of the customer messages before it.
    public var isResponse: Bool { direction == .seller && !isAutoReply }

    /// The message's timing facts, for the clocks.
    public var clockEvent: ClockEvent {
        ClockEvent(
            messageID: id ?? 0, threadID: threadId, role: ClockEvent.Role(self), sentAt: sentAt,
            noResponseNeeded: noResponseNeeded, noResponseNeededAt: noResponseNeededAt)
    }
}
