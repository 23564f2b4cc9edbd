import GRDB
import MessageStore
import Testing

/// What migration v4 leaves: one index per way the store looks messages up, and a clock index that
/// answers the metrics window scan without reading table rows.
@Suite struct SchemaTests {
    @Test func messageIndexesAfterV4() throws {
        let database = try AppDatabase.inMemory()
        let names = try database.reader.read { db in try db.indexes(on: "message").map(\.name) }
        #expect(
            Set(names) == [
                "message_clock_on_sentAt", "message_clock_on_thread_sentAt", "message_on_rfcMessageID", "sqlite_autoindex_message_1",
            ])
    }

    @Test func threadsAfterAnInstantAreFoundByIndex() throws {
        let database = try AppDatabase.inMemory()
        let plan = try database.reader.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT id FROM thread WHERE lastActivityAt > '2026-01-01' AND firstActivityAt <= '2026-01-01'"
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("INDEX thread_on_lastActivityAt") }, "\(plan)")
    }

    @Test func theMetricsWindowScanIsCovered() throws {
        let database = try AppDatabase.inMemory()
        let plan = try database.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT id, threadId, direction, kind, isAutoReply, sentAt, noResponseNeeded, noResponseNeededAt
                    FROM message WHERE sentAt > '2026-01-01' AND sentAt <= '2026-02-01'
                    """
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX message_clock_on_sentAt") }, "\(plan)")
    }
}
