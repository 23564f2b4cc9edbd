import Foundation
import GRDB

extension MessageThread {
    /// Recomputes the thread's first and last activity and the oldest customer message still
    /// waiting, from its messages. Every write that touches a thread calls it in the same
    /// transaction, so the summary never disagrees with the messages.
    static func refreshActivity(_ db: Database, id: Int64) throws {
        let bounds = try Row.fetchOne(
            try db.cachedStatement(
                sql: "SELECT MIN(sentAt) AS first, MAX(sentAt) AS last, MAX(noResponseNeededAt) AS marked FROM message WHERE threadId = ?"),
            arguments: [id])
        guard let bounds, let first = try bounds.storedDateIfPresent(at: 0), let last = try bounds.storedDateIfPresent(at: 1) else {
            return
        }
        let marked = try bounds.storedDateIfPresent(at: 2)
        // With every stored event counted, an unanswered message is one still awaiting a response.
        let clocks = ResponseClock.clocks(of: try ClockEvent.fetchAll(db, thread: id), asOf: .distantFuture)
        let awaitingSince = clocks.first { $0.status.isAwaitingResponse }?.receivedAt
        try db.cachedStatement(sql: "UPDATE thread SET firstActivityAt = ?, lastActivityAt = ?, awaitingSince = ? WHERE id = ?")
            .execute(arguments: [
                StoredDate.text(first), StoredDate.text(max(last, marked ?? last)), awaitingSince.map(StoredDate.text), id,
            ])
    }
}
