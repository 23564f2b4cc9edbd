import Foundation
import GRDB

/// A conversation with one buyer: an Amazon relay alias and order, a pre-sale question, a thread
/// named by an export, or an RFC 5322 reply chain. Named `MessageThread` because Foundation already
/// has a `Thread`. Its table is `thread`.
public struct MessageThread: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "thread"

    public var id: Int64?
    /// How imports find this thread again (see ``ThreadKey``).
    public var key: String
    /// The Amazon marketplace suffix (`com`, `co.uk`, `de`, …) when known.
    public var marketplace: String?
    public var orderID: String?
    /// The buyer's relay alias (before `+`, lower-cased).
    public var buyerAlias: String?
    public var buyerName: String?
    /// Where a reply goes: the buyer's latest relay address.
    public var replyAddress: String?
    public var subject: String
    public var firstActivityAt: Date
    /// The latest message or no-response-needed mark.
    public var lastActivityAt: Date
    /// The oldest customer message still waiting for a response when every stored event counts.
    public var awaitingSince: Date?

    public init(
        id: Int64? = nil, key: String, marketplace: String? = nil, orderID: String? = nil, buyerAlias: String? = nil,
        buyerName: String? = nil, replyAddress: String? = nil, subject: String, firstActivityAt: Date, lastActivityAt: Date,
        awaitingSince: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.marketplace = marketplace
        self.orderID = orderID
        self.buyerAlias = buyerAlias
        self.buyerName = buyerName
        self.replyAddress = replyAddress
        self.subject = subject
        self.firstActivityAt = firstActivityAt
        self.lastActivityAt = lastActivityAt
        self.awaitingSince = awaitingSince
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let key = Column(CodingKeys.key)
        public static let orderID = Column(CodingKeys.orderID)
        public static let lastActivityAt = Column(CodingKeys.lastActivityAt)
        public static let firstActivityAt = Column(CodingKeys.firstActivityAt)
        public static let awaitingSince = Column(CodingKeys.awaitingSince)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Who the buyer is, for people: the name, else the relay alias, else "unknown buyer".
    public var buyerLabel: String {
        if let buyerName, !buyerName.isEmpty { return buyerName }
        if let buyerAlias, !buyerAlias.isEmpty { return buyerAlias }
        return "unknown buyer"
    }
}
