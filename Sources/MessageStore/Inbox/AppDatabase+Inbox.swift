import Foundation
import GRDB

extension AppDatabase {
    /// The threads with customer messages still waiting for a response as of `asOf`, most urgent
    /// first (earliest due time, then thread id).
    ///
    /// A thread whose every event is at or before `asOf` is settled: its stored `awaitingSince`
    /// says whether it waits, so only those threads are read. Threads with later events are
    /// recomputed from their messages up to `asOf`.
    public func inbox(asOf: Date) throws -> [InboxEntry] {
        try read { db in
            let settled =
                try MessageThread
                .filter(MessageThread.Columns.awaitingSince != nil && MessageThread.Columns.lastActivityAt <= asOf)
                .fetchAll(db)
            let unsettled =
                try MessageThread
                .filter(MessageThread.Columns.lastActivityAt > asOf && MessageThread.Columns.firstActivityAt <= asOf)
                .fetchAll(db)
            var entries: [InboxEntry] = []
            let lastBuyer = try db.cachedStatement(
                sql: """
                    SELECT * FROM message
                    WHERE threadId = ? AND sentAt <= ? AND direction = 'buyer' AND kind = 'message' AND isAutoReply = 0
                    ORDER BY sentAt DESC, id DESC LIMIT 1
                    """)
            for thread in settled + unsettled {
                guard let id = thread.id else { continue }
                let events = try ClockEvent.fetchAll(db, thread: id, through: asOf)
                let waiting = ResponseClock.clocks(of: events, asOf: asOf).filter(\.status.isAwaitingResponse)
                guard !waiting.isEmpty, let last = try Message.fetchOne(lastBuyer, arguments: [id, asOf]) else { continue }
                entries.append(InboxEntry(thread: thread, waiting: waiting, lastBuyerMessage: last))
            }
            return entries.sorted { $0.dueAt != $1.dueAt ? $0.dueAt < $1.dueAt : ($0.thread.id ?? 0) < ($1.thread.id ?? 0) }
        }
    }
}
