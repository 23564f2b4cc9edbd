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
            var entries = try Self.settledInbox(db, asOf: asOf)
            entries += try Self.unsettledInbox(db, asOf: asOf)
            return entries.sorted { $0.dueAt != $1.dueAt ? $0.dueAt < $1.dueAt : ($0.thread.id ?? 0) < ($1.thread.id ?? 0) }
        }
    }

    /// The `limit` most urgent waiting threads (all when nil), the same rows and order as the first
    /// `limit` of `inbox(asOf:)`, with the number of waiting and overdue threads in all.
    ///
    /// A settled thread's due time is `awaitingSince` + 24 h (its oldest waiting message), so the
    /// settled part of the page is the first `limit` threads of the `awaitingSince` index, and the
    /// counts come from index ranges without reading thread rows. Unsettled threads (events after
    /// `asOf`; none when `asOf` is now) are recomputed as before and merged in.
    public func inbox(asOf: Date, limit: Int?) throws -> InboxPage {
        guard let limit else { return InboxPage(all: try inbox(asOf: asOf), asOf: asOf) }
        return try read { db in
            let unsettled = try Self.unsettledInbox(db, asOf: asOf)
            var entries = try Self.settledInbox(db, asOf: asOf, limit: max(limit, 0)) + unsettled
            entries.sort { $0.dueAt != $1.dueAt ? $0.dueAt < $1.dueAt : ($0.thread.id ?? 0) < ($1.thread.id ?? 0) }
            let counts = try Self.settledCounts(db, asOf: asOf)
            return InboxPage(
                entries: Array(entries.prefix(max(limit, 0))), totalThreads: counts.waiting + unsettled.count,
                overdueThreads: counts.overdue + unsettled.count { $0.secondsLeft(asOf: asOf) < 0 })
        }
    }

    /// The settled waiting threads and how many of them are overdue, counted on the
    /// `awaitingSince` and `lastActivityAt` indexes: all waiting threads minus the unsettled ones
    /// (`lastActivityAt` is NOT NULL), which are few.
    ///
    /// Overdue means `awaitingSince` + 24 h < `asOf`. Stored instants are whole milliseconds, so
    /// the cutoff is rounded up to one before comparing the text; a cutoff within a microsecond of a
    /// whole millisecond is that millisecond (floating-point noise, not a later instant).
    private static func settledCounts(_ db: Database, asOf: Date) throws -> (waiting: Int, overdue: Int) {
        let milliseconds = asOf.addingTimeInterval(-ResponseClock.allowance).timeIntervalSince1970 * 1000
        let nearest = milliseconds.rounded()
        let cutoff = abs(milliseconds - nearest) < 0.001 ? nearest : milliseconds.rounded(.up)
        let cutoffText = StoredDate.text(Date(timeIntervalSince1970: cutoff / 1000))
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT
                    (SELECT count(*) FROM thread INDEXED BY thread_on_awaitingSince WHERE awaitingSince IS NOT NULL)
                    - (SELECT count(*) FROM thread INDEXED BY thread_on_lastActivityAt
                        WHERE lastActivityAt > ?1 AND awaitingSince IS NOT NULL),
                    (SELECT count(*) FROM thread INDEXED BY thread_on_awaitingSince WHERE awaitingSince < ?2)
                    - (SELECT count(*) FROM thread INDEXED BY thread_on_lastActivityAt
                        WHERE lastActivityAt > ?1 AND awaitingSince < ?2)
                """, arguments: [StoredDate.text(asOf), cutoffText])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    /// The waiting threads among the settled ones, in two set-based statements instead of two per
    /// thread (12,685 waiting threads took 1.3 s that way, Benchmarks/README.md). With a `limit`,
    /// only the first `limit` threads by (`awaitingSince`, id), which is their due-time order.
    ///
    /// In a settled thread every event and mark counts as of `asOf`, so its waiting messages are
    /// the non-excluded customer messages sent at or after `awaitingSince`: a customer message is
    /// answered iff a response comes strictly after it, and none comes after the oldest waiting one.
    /// The buyer's latest message (excluded ones count) is among the buyer messages from
    /// `awaitingSince` on, so the first statement finds it too, and the second reads those rows.
    ///
    /// Without statistics SQLite would scan every message for the join; `INDEXED BY` and
    /// `CROSS JOIN` pin the plan to the waiting threads (the `awaitingSince` index, migration v1)
    /// and their messages by the (threadId, sentAt, …) index of migration v4, which covers it.
    private static func settledInbox(_ db: Database, asOf: Date, limit: Int? = nil) throws -> [InboxEntry] {
        let buyerMessages = """
            CROSS JOIN message m ON m.threadId = t.id AND m.sentAt >= t.awaitingSince
            WHERE m.direction = 'buyer' AND m.kind = 'message' AND m.isAutoReply = 0
            """
        let rows: RowCursor
        if let limit {
            // The page's thread ids come in index order from the subquery; the join then reads
            // only those threads by id.
            rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(MessageThread.positionalColumns("t")), m.id, m.sentAt, m.noResponseNeeded
                    FROM thread t \(buyerMessages) AND t.id IN (
                        SELECT id FROM thread INDEXED BY thread_on_awaitingSince
                        WHERE awaitingSince IS NOT NULL AND lastActivityAt <= ?
                        ORDER BY awaitingSince, id LIMIT ?)
                    """, arguments: [StoredDate.text(asOf), limit])
        } else {
            rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(MessageThread.positionalColumns("t")), m.id, m.sentAt, m.noResponseNeeded
                    FROM thread t INDEXED BY thread_on_awaitingSince \(buyerMessages)
                        AND t.awaitingSince IS NOT NULL AND t.lastActivityAt <= ?
                    """, arguments: [StoredDate.text(asOf)])
        }
        var threads: [Int64: MessageThread] = [:]
        var waiting: [Int64: [MessageClock]] = [:]
        var latest: [Int64: (sentAt: Date, id: Int64)] = [:]
        let columns = MessageThread.positionalColumnCount
        while let row = try rows.next() {
            let threadID: Int64 = row[0]
            if threads[threadID] == nil { threads[threadID] = try MessageThread(positional: row) }
            let messageID: Int64 = row[columns]
            let sentAt = try row.storedDate(at: columns + 1)
            if latest[threadID].map({ ($0.sentAt, $0.id) < (sentAt, messageID) }) ?? true { latest[threadID] = (sentAt, messageID) }
            guard !(row[columns + 2] as Bool) else { continue }
            let status: ResponseStatus = asOf.timeIntervalSince(sentAt) > ResponseClock.allowance ? .noResponse : .pending
            waiting[threadID, default: []].append(
                MessageClock(messageID: messageID, threadID: threadID, receivedAt: sentAt, status: status))
        }
        let lastIDs = waiting.keys.compactMap { latest[$0]?.id }
        let lastRows = try Row.fetchCursor(
            db, sql: "SELECT \(Message.positionalColumns) FROM message WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [jsonList(lastIDs)])
        var entries: [InboxEntry] = []
        entries.reserveCapacity(lastIDs.count)
        while let row = try lastRows.next() {
            let message = try Message(positional: row)
            guard let thread = threads[message.threadId], var clocks = waiting[message.threadId] else { continue }
            clocks.sort { $0.receivedAt != $1.receivedAt ? $0.receivedAt < $1.receivedAt : $0.messageID < $1.messageID }
            entries.append(InboxEntry(thread: thread, waiting: clocks, lastBuyerMessage: message))
        }
        return entries
    }

    /// Threads with events after `asOf`: recomputed from their messages up to `asOf`.
    private static func unsettledInbox(_ db: Database, asOf: Date) throws -> [InboxEntry] {
        let asOfText = StoredDate.text(asOf)
        let threads = try Row.fetchAll(
            db,
            sql: """
                SELECT \(MessageThread.positionalColumns("thread")) FROM thread
                WHERE thread.lastActivityAt > ?1 AND thread.firstActivityAt <= ?1
                """, arguments: [asOfText]
        ).map(MessageThread.init(positional:))
        let lastBuyer = try db.cachedStatement(
            sql: """
                SELECT \(Message.positionalColumns) FROM message
                WHERE threadId = ? AND sentAt <= ? AND direction = 'buyer' AND kind = 'message' AND isAutoReply = 0
                ORDER BY sentAt DESC, id DESC LIMIT 1
                """)
        var entries: [InboxEntry] = []
        for thread in threads {
            guard let id = thread.id else { continue }
            let events = try ClockEvent.fetchAll(db, thread: id, through: asOf)
            let waiting = ResponseClock.clocks(of: events, asOf: asOf).filter(\.status.isAwaitingResponse)
            guard !waiting.isEmpty, let row = try Row.fetchOne(lastBuyer, arguments: [id, asOfText]) else { continue }
            entries.append(InboxEntry(thread: thread, waiting: waiting, lastBuyerMessage: try Message(positional: row)))
        }
        return entries
    }
}
