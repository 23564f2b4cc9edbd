import Foundation
import GRDB

/// A buyer's return request for an order: Amazon counts a response late unless the seller
/// authorizes the return, refunds or closes the request within 48 hours (POLICY.md §3.4). Sending a
/// message does not stop this clock.
public struct ReturnRequest: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var orderID: String
    public var receivedAt: Date
    /// The Amazon notice that opened it, when imported.
    public var messageId: Int64?
    public var resolvedAt: Date?
    public var resolution: ReturnResolution?

    public init(
        id: Int64? = nil, orderID: String, receivedAt: Date, messageId: Int64? = nil, resolvedAt: Date? = nil,
        resolution: ReturnResolution? = nil
    ) {
        self.id = id
        self.orderID = orderID
        self.receivedAt = receivedAt
        self.messageId = messageId
        self.resolvedAt = resolvedAt
        self.resolution = resolution
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let orderID = Column(CodingKeys.orderID)
        public static let receivedAt = Column(CodingKeys.receivedAt)
        public static let resolvedAt = Column(CodingKeys.resolvedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The three actions that stop the 48-hour return clock.
public enum ReturnResolution: String, Codable, Sendable, Hashable, CaseIterable {
    case authorized, refunded, closed
}
