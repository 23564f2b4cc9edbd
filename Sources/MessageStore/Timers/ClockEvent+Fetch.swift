import Foundation
import GRDB
import MailImport

extension ClockEvent {
    /// The columns a clock needs; rows are decoded by hand, without whole records, because metrics
    /// and the inbox read many of them.
    static let columns = "id, threadId, direction, kind, isAutoReply, sentAt, noResponseNeeded, noResponseNeededAt"

    init(row: Row) throws {
        let direction: String = row["direction"]
        let kind: String = row["kind"]
        guard let parsedDirection = Direction(rawValue: direction), let parsedKind = MessageKind(rawValue: kind) else {
            let id: Int64 = row["id"]
            throw StoreError.internalInconsistency("message \(id) has direction '\(direction)' and kind '\(kind)'")
        }
        self.init(
            messageID: row["id"], threadID: row["threadId"],
            role: Role(direction: parsedDirection, kind: parsedKind, isAutoReply: row["isAutoReply"]), sentAt: row["sentAt"],
            noResponseNeeded: row["noResponseNeeded"], noResponseNeededAt: row["noResponseNeededAt"])
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
