import Foundation
import GRDB

extension AppDatabase {
    /// Contact Response Time over each window in `days`, the unanswered customer messages of the
    /// last 7 days and the return late-response rates, all as of `asOf`.
    ///
    /// Only messages sent in (T − longest window, T] are read: a response comes after its message,
    /// so nothing older can change a window's counts.
    public func metrics(asOf: Date, windows days: [Int] = ContactResponseTime.standardWindows) throws -> MetricsReport {
        try read { db in
            let longest = (days + [7]).max() ?? 7
            // The same clocks as `ResponseClock.clocks(of:asOf:)` over the window's events, newest first.
            let threadIDs = try Int64.fetchOne(db, sql: "SELECT max(id) FROM thread").map { 0...max($0, 0) }
            var walk = ResponseClockWalk(asOf: asOf, threadIDs: threadIDs)
            var newestFirst: [MessageClock] = []
            try ClockEvent.forEachInstantNewestFirst(db, after: asOf.addingTimeInterval(-Double(longest) * 86_400), through: asOf) {
                walk.step(instant: $0) { newestFirst.append($0) }
            }
            let windows = days.map { ContactResponseTime.window(days: $0, clocks: newestFirst.reversed(), asOf: asOf) }
            let weekAgo = asOf.addingTimeInterval(-7 * 86_400)
            let waiting = newestFirst.filter { $0.status.isAwaitingResponse && $0.receivedAt > weekAgo }.reversed()
            let unanswered = try Self.unanswered(db, Array(waiting))
            let returnLongest = ReturnClock.standardWindows.max() ?? 60
            let requests =
                try ReturnRequest
                .filter(ReturnRequest.Columns.receivedAt > asOf.addingTimeInterval(-Double(returnLongest) * 86_400))
                .filter(ReturnRequest.Columns.receivedAt <= asOf)
                .fetchAll(db)
            let returnWindows = ReturnClock.standardWindows.map { ReturnClock.window(days: $0, requests: requests, asOf: asOf) }
            return MetricsReport(asOf: asOf, windows: windows, unansweredLast7Days: unanswered, returnRequests: returnWindows)
        }
    }

    private static func unanswered(_ db: Database, _ clocks: [MessageClock]) throws -> [UnansweredMessage] {
        // Read by position (no Codable records): a week can hold thousands of unanswered messages.
        let messages = try Row.fetchAll(
            db, sql: "SELECT \(Message.positionalColumns) FROM message WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [Self.jsonList(clocks.map(\.messageID))]
        ).map { try Message(positional: $0) }
        let byID = Dictionary(messages.compactMap { message in message.id.map { ($0, message) } }, uniquingKeysWith: { a, _ in a })
        let threads = try Row.fetchAll(
            db,
            sql: "SELECT \(MessageThread.positionalColumns("thread")) FROM thread WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [Self.jsonList(Array(Set(clocks.map(\.threadID))))]
        ).map(MessageThread.init(positional:))
        let threadByID = Dictionary(threads.compactMap { thread in thread.id.map { ($0, thread) } }, uniquingKeysWith: { a, _ in a })
        return clocks.map { clock in
            let thread = threadByID[clock.threadID]
            return UnansweredMessage(
                message: clock.messageID, thread: clock.threadID, orderID: thread?.orderID, buyer: thread?.buyerLabel ?? "unknown buyer",
                subject: byID[clock.messageID]?.subject ?? "", receivedAt: clock.receivedAt, dueAt: clock.dueAt, status: clock.status)
        }
    }

    /// Ids as a JSON array, for `IN (SELECT value FROM json_each(?))`: one bound value, however many.
    static func jsonList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
