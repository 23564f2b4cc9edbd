import Foundation
import GRDB

extension MessageThread {
    /// Every column, in the order ``init(positional:)`` reads them; `alias.` prefixes them for joins.
    static func positionalColumns(_ alias: String) -> String {
        [
            "id", "key", "marketplace", "orderID", "buyerAlias", "buyerName", "replyAddress", "subject", "firstActivityAt",
            "lastActivityAt",
            "awaitingSince",
        ].map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// The number of columns in ``positionalColumns(_:)``.
    static let positionalColumnCount = 11

    /// A row of `SELECT \(positionalColumns)`, read by position and with ``StoredDate`` (see
    /// `Message.init(positional:offset:)`).
    init(positional row: Row) throws {
        self.init(
            id: row[0], key: row[1], marketplace: row[2], orderID: row[3], buyerAlias: row[4], buyerName: row[5], replyAddress: row[6],
            subject: row[7], firstActivityAt: try row.storedDate(at: 8), lastActivityAt: try row.storedDate(at: 9),
            awaitingSince: try row.storedDateIfPresent(at: 10))
    }
}
