import Foundation

/// A customer message still waiting for the seller, as listed under the metrics.
public struct UnansweredMessage: Sendable, Hashable, Codable {
    public var message: Int64
    public var thread: Int64
    public var orderID: String?
    public var buyer: String
    public var subject: String
    public var receivedAt: Date
    public var dueAt: Date
    /// `pending` or `no_response`.
    public var status: ResponseStatus

    public init(
        message: Int64, thread: Int64, orderID: String?, buyer: String, subject: String, receivedAt: Date, dueAt: Date,
        status: ResponseStatus
    ) {
        self.message = message
        self.thread = thread
        self.orderID = orderID
        self.buyer = buyer
        self.subject = subject
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case message, thread, buyer, subject, status
        case orderID = "order_id"
        case receivedAt = "received_at"
        case dueAt = "due_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        try container.encode(thread, forKey: .thread)
        try container.encode(orderID, forKey: .orderID)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(subject, forKey: .subject)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(dueAt, forKey: .dueAt)
        try container.encode(status, forKey: .status)
    }
}
