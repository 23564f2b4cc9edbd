import Foundation
import MailImport

/// `parley thread --format json`: a conversation as a versioned document.
public struct ThreadReport: Sendable, Hashable, Encodable {
    public static let currentVersion = 1

    public struct ThreadInfo: Sendable, Hashable, Encodable {
        var id: Int64
        var key: String
        var marketplace: String?
        var orderID: String?
        var buyerAlias: String?
        var buyerName: String?
        var replyAddress: String?
        var subject: String
        var firstActivityAt: Date
        var lastActivityAt: Date

        enum CodingKeys: String, CodingKey {
            case id, key, marketplace, subject
            case orderID = "order_id"
            case buyerAlias = "buyer_alias"
            case buyerName = "buyer_name"
            case replyAddress = "reply_address"
            case firstActivityAt = "first_activity_at"
            case lastActivityAt = "last_activity_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(key, forKey: .key)
            try c.encode(marketplace, forKey: .marketplace)
            try c.encode(orderID, forKey: .orderID)
            try c.encode(buyerAlias, forKey: .buyerAlias)
            try c.encode(buyerName, forKey: .buyerName)
            try c.encode(replyAddress, forKey: .replyAddress)
            try c.encode(subject, forKey: .subject)
            try c.encode(firstActivityAt, forKey: .firstActivityAt)
            try c.encode(lastActivityAt, forKey: .lastActivityAt)
        }
    }

    public struct Clock: Sendable, Hashable, Encodable {
        var status: ResponseStatus
        var dueAt: Date
        var respondedAt: Date?
        var responseSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case status
            case dueAt = "due_at"
            case respondedAt = "responded_at"
            case responseSeconds = "response_seconds"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(dueAt, forKey: .dueAt)
            try c.encode(respondedAt, forKey: .respondedAt)
            try c.encode(responseSeconds, forKey: .responseSeconds)
        }
    }

    public struct MessageInfo: Sendable, Hashable, Encodable {
        var id: Int64
        var direction: Direction
        var kind: MessageKind
        var sentAt: Date
        var subject: String
        var body: String
        var attachments: [ImportedAttachment]
        var noResponseNeeded: Bool
        var autoReply: Bool
        var source: String
        /// Only customer messages have a clock.
        var clock: Clock?

        enum CodingKeys: String, CodingKey {
            case id, direction, kind, subject, body, attachments, source, clock
            case sentAt = "sent_at"
            case noResponseNeeded = "no_response_needed"
            case autoReply = "auto_reply"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(direction, forKey: .direction)
            try c.encode(kind, forKey: .kind)
            try c.encode(sentAt, forKey: .sentAt)
            try c.encode(subject, forKey: .subject)
            try c.encode(body, forKey: .body)
            try c.encode(attachments, forKey: .attachments)
            try c.encode(noResponseNeeded, forKey: .noResponseNeeded)
            try c.encode(autoReply, forKey: .autoReply)
            try c.encode(source, forKey: .source)
            try c.encode(clock, forKey: .clock)
        }
    }

    public struct ReturnInfo: Sendable, Hashable, Encodable {
        var id: Int64
        var orderID: String
        var receivedAt: Date
        var resolvedAt: Date?
        var resolution: ReturnResolution?
        var status: ReturnStatus?

        enum CodingKeys: String, CodingKey {
            case id, resolution, status
            case orderID = "order_id"
            case receivedAt = "received_at"
            case resolvedAt = "resolved_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(orderID, forKey: .orderID)
            try c.encode(receivedAt, forKey: .receivedAt)
            try c.encode(resolvedAt, forKey: .resolvedAt)
            try c.encode(resolution, forKey: .resolution)
            try c.encode(status, forKey: .status)
        }
    }

    var version = currentVersion
    var asOf: Date
    var thread: ThreadInfo
    var messages: [MessageInfo]
    var returnRequests: [ReturnInfo]
    /// Messages after `as_of`, left out.
    var laterMessages: Int

    enum CodingKeys: String, CodingKey {
        case version, thread, messages
        case asOf = "as_of"
        case returnRequests = "return_requests"
        case laterMessages = "later_messages"
    }

    public init(_ conversation: Conversation) {
        let t = conversation.thread
        asOf = conversation.asOf
        thread = ThreadInfo(
            id: t.id ?? 0, key: t.key, marketplace: t.marketplace, orderID: t.orderID, buyerAlias: t.buyerAlias, buyerName: t.buyerName,
            replyAddress: t.replyAddress, subject: t.subject, firstActivityAt: t.firstActivityAt, lastActivityAt: t.lastActivityAt)
        messages = conversation.messages.map { message in
            let clock = message.id.flatMap { conversation.clocks[$0] }.map {
                Clock(status: $0.status, dueAt: $0.dueAt, respondedAt: $0.respondedAt, responseSeconds: $0.responseSeconds)
            }
            return MessageInfo(
                id: message.id ?? 0, direction: message.direction, kind: message.kind, sentAt: message.sentAt, subject: message.subject,
                body: message.body, attachments: message.attachments, noResponseNeeded: message.noResponseNeeded,
                autoReply: message.isAutoReply, source: message.source.description, clock: clock)
        }
        returnRequests = conversation.returnRequests.map {
            ReturnInfo(
                id: $0.id ?? 0, orderID: $0.orderID, receivedAt: $0.receivedAt, resolvedAt: $0.resolvedAt, resolution: $0.resolution,
                status: ReturnClock.status(of: $0, asOf: conversation.asOf))
        }
        laterMessages = conversation.laterMessages
    }
}
