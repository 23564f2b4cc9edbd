import Foundation
import GRDB
import GRDBSQLite
import MailImport

extension ClockEvent {
    /// The columns a clock needs, in the order `fetch` reads them by position; rows are decoded by
    /// hand, without whole records, because metrics read many of them.
    static let columns = "id, threadId, direction, kind, isAutoReply, sentAt, noResponseNeeded, noResponseNeededAt"

    /// The events of one thread's messages sent at or before `end`.
    static func fetchAll(_ db: Database, thread: Int64, through end: Date = .distantFuture) throws -> [ClockEvent] {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM message WHERE threadId = ? AND sentAt <= ?")
        return try fetch(statement, arguments: [thread, StoredDate.text(end)])
    }

    /// The events of the messages sent in (`start`, `end`] that count for a clock (role not
    /// `.other`), handed to `body` one instant at a time, newest instant first, ids descending: what
    /// ``ResponseClockWalk`` takes, streamed from the sentAt index read backwards, so no array of the
    /// whole window is built or sorted. (Asking SQLite for `ORDER BY sentAt DESC, id DESC` made it
    /// sort every instant in a temporary B-tree: three times slower than the scan itself.)
    ///
    /// SQLite sorts the roles out (``Role/countingSQL``): the rows that do not count never reach
    /// Swift, and a row hands over one integer instead of two texts and a flag.
    static func forEachInstantNewestFirst(
        _ db: Database, after start: Date, through end: Date, _ body: ([ClockEvent]) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                SELECT id, threadId, \(Role.isResponseSQL), sentAt, noResponseNeeded, noResponseNeededAt FROM message
                WHERE sentAt > ? AND sentAt <= ? AND \(Role.countingSQL)
                ORDER BY sentAt DESC
                """)
        let rows = try Row.fetchCursor(statement, arguments: [StoredDate.text(start), StoredDate.text(end)])
        let raw = statement.sqliteStatement
        var instant: [ClockEvent] = []
        func flush() throws {
            guard !instant.isEmpty else { return }
            if instant.count > 1 { instant.sort { $0.messageID > $1.messageID } }
            try body(instant)
            instant.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            let id = sqlite3_column_int64(raw, 0)
            guard let sentAt = try Self.date(raw, 3, row: row) else {
                throw StoreError.internalInconsistency("message \(id) has no sentAt")
            }
            if let current = instant.first?.sentAt, current != sentAt { try flush() }
            instant.append(
                ClockEvent(
                    messageID: id, threadID: sqlite3_column_int64(raw, 1),
                    role: sqlite3_column_int64(raw, 2) != 0 ? .response : .customerMessage, sentAt: sentAt,
                    noResponseNeeded: sqlite3_column_int64(raw, 4) != 0, noResponseNeededAt: try Self.date(raw, 5, row: row)))
        }
        try flush()
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
            events.append(try Self.event(raw, row: row))
        }
        return events
    }

    /// The event in the current row of a statement that selects ``columns``.
    private static func event(_ raw: SQLiteStatement, row: Row) throws -> ClockEvent {
        let id = sqlite3_column_int64(raw, 0)
        guard let direction = Self.value(raw, 2, among: Self.directions), let kind = Self.value(raw, 3, among: Self.kinds) else {
            throw StoreError.internalInconsistency("message \(id) has direction '\(Self.text(raw, 2))' and kind '\(Self.text(raw, 3))'")
        }
        guard let sentAt = try Self.date(raw, 5, row: row) else {
            throw StoreError.internalInconsistency("message \(id) has no sentAt")
        }
        return ClockEvent(
            messageID: id, threadID: sqlite3_column_int64(raw, 1),
            role: Role(direction: direction, kind: kind, isAutoReply: sqlite3_column_int64(raw, 4) != 0),
            sentAt: sentAt, noResponseNeeded: sqlite3_column_int64(raw, 6) != 0,
            noResponseNeededAt: try Self.date(raw, 7, row: row))
    }

    /// Each case's stored spelling as bytes: a text column is matched without building a `String`
    /// (string creation and `init(rawValue:)` were a tenth of reading the rows).
    private static let directions = Direction.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }
    private static let kinds = MessageKind.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }

    private static func value<Value>(_ raw: SQLiteStatement, _ column: CInt, among cases: [(bytes: [UInt8], value: Value)]) -> Value? {
        guard let text = sqlite3_column_text(raw, column) else { return nil }
        let stored = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(raw, column)))
        return cases.first { $0.bytes.elementsEqual(stored) }?.value
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
