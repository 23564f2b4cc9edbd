import Foundation
import MessageStore
import Testing

/// `AppDatabase.metrics`: the same numbers as the pure functions, read from the store.
@Suite struct MetricsTests {
    let asOf = at("2026-03-31T12:00:00Z")

    @Test func storeMetricsAndUnansweredMessagesOfTheLastWeek() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                f.make(.buyer, asOf - 40 * day, thread: "old"),  // outside 30 days, inside 90
                f.make(.seller, asOf - 40 * day + 2 * hour, thread: "old"),
                f.make(.buyer, asOf - 10 * day, thread: "late", orderID: "111-9", buyerName: "Ana"),
                f.make(.buyer, asOf - 3 * day, thread: "open", subject: "Broken lid", orderID: "111-1", buyerName: "Sam"),
                f.make(.buyer, asOf - hour, thread: "new", alias: "zzz"),
                f.make(.seller, asOf + hour, thread: "new"),  // after as-of: ignored
            ])
        let report = try database.metrics(asOf: asOf)
        #expect(report.windows.map(\.days) == [7, 30, 90])
        #expect(report.windows.map(\.customerMessages) == [2, 3, 4])
        #expect(report.windows.map(\.within24h) == [0, 0, 1])
        #expect(report.windows.map(\.noResponse) == [1, 2, 2])
        #expect(report.windows.map(\.pending) == [1, 1, 1])
        #expect(report.windows.map(\.averageResponseSeconds) == [nil, nil, 2 * hour])
        #expect(report.windows.map(\.status) == [.atRisk, .atRisk, .atRisk])
        #expect(
            report.unansweredLast7Days == [
                UnansweredMessage(
                    message: 4, thread: 3, orderID: "111-1", buyer: "Sam", subject: "Broken lid", receivedAt: asOf - 3 * day,
                    dueAt: asOf - 2 * day, status: .noResponse),
                UnansweredMessage(
                    message: 5, thread: 4, orderID: nil, buyer: "zzz", subject: "Question", receivedAt: asOf - hour,
                    dueAt: asOf + 23 * hour, status: .pending),
            ])
        let json = try StoreJSON.encode(report)
        #expect(json.contains(#""as_of" : "2026-03-31T12:00:00Z""#))
        #expect(json.contains(#""unanswered_last_7_days" : ["#))
        #expect(json.contains(#""return_requests" : ["#))
        #expect(json.contains(#""version" : 1"#))
    }

    @Test func customWindowsStillListTheLastWeek() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(database, [f.make(.buyer, asOf - 5 * day)])
        let report = try database.metrics(asOf: asOf, windows: [1])
        #expect(report.windows.map(\.customerMessages) == [0])
        #expect(report.unansweredLast7Days.map(\.message) == [1])
    }
}
