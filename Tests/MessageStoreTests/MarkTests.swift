import Foundation
import MessageStore
import Testing

/// `AppDatabase.markNoResponseNeeded`: one message, or every waiting message of a thread.
@Suite struct MarkTests {
    let t0 = at("2026-03-02T09:00:00Z")

    func store() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                f.make(.buyer, t0, thread: "a"), f.make(.seller, t0 + hour, thread: "a"),  // M1 answered by M2
                f.make(.buyer, t0 + 2 * hour, thread: "a"), f.make(.buyer, t0 + 3 * hour, thread: "a"),  // M3, M4 waiting
                f.make(.buyer, t0 + 50 * hour, thread: "a"),  // M5: after the mark
            ])
        return database
    }

    @Test func markingAThreadMarksItsWaitingMessagesAsOfTheMark() throws {
        let database = try store()
        let marked = try database.markNoResponseNeeded(.thread(1), at: t0 + 30 * hour)
        #expect(marked.map(\.id) == [3, 4])
        #expect(marked.map(\.noResponseNeededAt) == [t0 + 30 * hour, t0 + 30 * hour])
        // M5 came later and starts a new clock.
        #expect(try database.inbox(asOf: t0 + 51 * hour).map { $0.waiting.map(\.messageID) } == [[5]])
        // Before the mark, M3 (25 h old) was overdue and M4 (exactly 24 h old) still pending.
        let metrics = try database.metrics(asOf: t0 + 27 * hour, windows: [7])
        #expect(metrics.windows[0].noResponse == 1)
        #expect(metrics.windows[0].pending == 1)
        let after = try database.metrics(asOf: t0 + 51 * hour, windows: [7])
        #expect(after.windows[0].excluded == 2)
        #expect(after.windows[0].pending == 1)
        #expect(try database.markNoResponseNeeded(.thread(1), at: t0 + 30 * hour).isEmpty)
    }

    @Test func markingOneMessage() throws {
        let database = try store()
        #expect(try database.markNoResponseNeeded(.message(4), at: t0 + 5 * hour).map(\.id) == [4])
        #expect(try database.markNoResponseNeeded(.message(4), at: t0 + 6 * hour).isEmpty)
        #expect(try database.inbox(asOf: t0 + 6 * hour).map { $0.waiting.map(\.messageID) } == [[3]])
        #expect(try database.thread(id: 1)?.lastActivityAt == t0 + 50 * hour)
    }

    @Test func refusesWhatIsNotACustomerMessage() throws {
        let database = try store()
        #expect(throws: StoreError.notACustomerMessage(2)) { try database.markNoResponseNeeded(.message(2), at: t0) }
        #expect(throws: StoreError.noSuchMessage(99)) { try database.markNoResponseNeeded(.message(99), at: t0) }
        #expect(throws: StoreError.noSuchThread(9)) { try database.markNoResponseNeeded(.thread(9), at: t0) }
    }
}
