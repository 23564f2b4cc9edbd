import Foundation
import GRDB
import MailImport

extension ClockEvent {
    /// The columns a clock needs; rows are decoded by hand, without whole records, because metrics
    /// and the inbox read many of them. `init(row:)` reads them by position, in this order.
    static let columns = "id, threadId, direction, kind, isAutoReply, sentAt, noResponseNeeded, noResponseNeededAt"

    /// A row of `SELECT \(columns)`. Columns are read by position: looking each one up by name
    /// (case-insensitively, hashed) was about a quarter of `metrics` time over the ~750,000 rows
    /// of a 90-day window in a 1M-message store (Benchmarks/README.md).
    init(row: Row) throws {
        let id: Int64 = row[0]
        let direction: String = row[2]
        let kind: String = row[3]
        guard let parsedDirection = Direction(rawValue: direction), let parsedKind = MessageKind(rawValue: kind) else {
            throw StoreError.internalInconsistency("message \(id) has direction '\(direction)' and kind '\(kind)'")
        }
        self.init(
            messageID: id, threadID: row[1],
            role: Role(direction: parsedDirection, kind: parsedKind, isAutoReply: row[4]), sentAt: row[5],
            noResponseNeeded: row[6], noResponseNeededAt: row[7])
    }

    /// The events of the messages sent in (`start`, `end`], any thread.
    static func fetchAll(_ db: Database, after start: Date, through end: Date) throws -> [ClockEvent] {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM message WHERE sentAt > ? AND sentAt <= ?")
        return try fetch(statement, arguments: [start, end])
    }

    /// The events of one thread's messages sent at or before `end`.
    static func fetchAll(_ db: Database, thread: Int64, through end: Date = .distantFuture) throws -> [ClockEvent] {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM message WHERE threadId = ? AND sentAt <= ?")
        return try fetch(statement, arguments: [thread, end])
    }

    private static func fetch(_ statement: Statement, arguments: StatementArguments) throws -> [ClockEvent] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var events: [ClockEvent] = []
        while let row = try rows.next() { events.append(try ClockEvent(row: row)) }
        return events
    }
}
