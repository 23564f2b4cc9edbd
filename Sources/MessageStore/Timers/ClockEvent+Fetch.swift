import Foundation
import GRDB
import GRDBSQLite
import MailImport

extension ClockEvent {
    /// The columns a clock needs, in the order `fetch` reads them by position; rows are decoded by
    /// hand, without whole records, because metrics read many of them.
    static let columns = "id, threadId, direction, kind, isAutoReply, sentAt, noResponseNeeded, noResponseNeededAt"

    /// The events of the messages sent in (`start`, `end`], any thread.
    static func fetchAll(_ db: Database, after start: Date, through end: Date) throws -> [ClockEvent] {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM message WHERE sentAt > ? AND sentAt <= ?")
        return try fetch(statement, arguments: [StoredDate.text(start), StoredDate.text(end)])
    }

    /// The events of one thread's messages sent at or before `end`.
    static func fetchAll(_ db: Database, thread: Int64, through end: Date = .distantFuture) throws -> [ClockEvent] {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM message WHERE threadId = ? AND sentAt <= ?")
        return try fetch(statement, arguments: [thread, StoredDate.text(end)])
    }

    /// Steps the statement and reads each row's columns straight from SQLite (`sqlite3_column_*`):
    /// no `Row` subscripts, and dates parsed from the column's bytes without a `String`. A metrics
    /// call reads ~750,000 rows, where GRDB's per-column work and its `Date` decoding were half the
    /// call (Benchmarks/README.md).
    private static func fetch(_ statement: Statement, arguments: StatementArguments) throws -> [ClockEvent] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let raw = statement.sqliteStatement
        var events: [ClockEvent] = []
        while let row = try rows.next() {
            let id = sqlite3_column_int64(raw, 0)
            let direction = Self.text(raw, 2)
            let kind = Self.text(raw, 3)
            guard let parsedDirection = Direction(rawValue: direction), let parsedKind = MessageKind(rawValue: kind) else {
                throw StoreError.internalInconsistency("message \(id) has direction '\(direction)' and kind '\(kind)'")
            }
            guard let sentAt = try Self.date(raw, 5, row: row) else {
                throw StoreError.internalInconsistency("message \(id) has no sentAt")
            }
            events.append(
                ClockEvent(
                    messageID: id, threadID: sqlite3_column_int64(raw, 1),
                    role: Role(direction: parsedDirection, kind: parsedKind, isAutoReply: sqlite3_column_int64(raw, 4) != 0),
                    sentAt: sentAt, noResponseNeeded: sqlite3_column_int64(raw, 6) != 0,
                    noResponseNeededAt: try Self.date(raw, 7, row: row)))
        }
        return events
    }

    private static func text(_ raw: SQLiteStatement, _ column: CInt) -> String {
        guard let bytes = sqlite3_column_text(raw, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(raw, column))), as: UTF8.self)
    }

    /// A date column: ``StoredDate`` on its bytes, else GRDB's decoding of the current row.
    private static func date(_ raw: SQLiteStatement, _ column: CInt, row: Row) throws -> Date? {
        if sqlite3_column_type(raw, column) == SQLITE_NULL { return nil }
        if sqlite3_column_type(raw, column) == SQLITE_TEXT, let bytes = sqlite3_column_text(raw, column),
            let date = StoredDate.date(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(raw, column))))
        {
            return date
        }
        return try row.storedDateIfPresent(at: Int(column))
    }
}
