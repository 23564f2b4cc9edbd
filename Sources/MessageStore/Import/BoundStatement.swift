import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement whose values are bound through SQLite's C API (`sqlite3_bind_*`), for the
/// statements an import runs once per message. GRDB's `StatementArguments` (an array of
/// existential values, checked against the statement and copied on every call) cost the writer
/// about a tenth of its time. GRDB still runs the statement, so its transaction bookkeeping,
/// observers and errors apply as for any other statement.
///
/// Values are bound exactly as GRDB binds them, so the stored bytes and types do not change: text
/// as a C string (a `String` ends at its first NUL, as with GRDB), integers as 64-bit, `Bool` as 0
/// or 1, `nil` as NULL.
///
/// Texts are copied into a buffer the statement keeps (``TextBuffer``) and bound from there without
/// another copy (`SQLITE_STATIC`): SQLite's own copy (`SQLITE_TRANSIENT`) was a `malloc` and a
/// `free` per text, a twentieth of the writer's time.
struct BoundStatement {
    private let statement: Statement
    private let texts = TextBuffer()

    /// SQLite copies a value bound with this destructor, so the `String` need not outlive the call.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        // GRDB runs a statement without new arguments only once it has set valid ones itself:
        // NULLs here, which every use replaces before it runs.
        let count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        statement.setUncheckedArguments(StatementArguments(Array(repeating: DatabaseValue.null, count: count)))
    }

    private var raw: SQLiteStatement { statement.sqliteStatement }

    /// Ends the previous run, so the statement takes new values (SQLite refuses bindings to a
    /// statement that has run and was not reset). Values not bound again keep their old ones.
    func reset() {
        // The code repeats the previous run's error, which that run already threw.
        sqlite3_reset(raw)
        // The texts bound last time are not read again: each use binds every parameter anew.
        texts.removeAll()
    }

    func bind(_ value: String?, at index: CInt) throws {
        guard let value else { return try check(sqlite3_bind_null(raw, index)) }
        var text = value
        let copy = text.withUTF8 { utf8 -> (UnsafeRawPointer, CInt)? in
            // GRDB binds a C string: the text up to its first NUL.
            let bytes = UnsafeRawBufferPointer(utf8)
            var length = bytes.count
            // memchr: `firstIndex(of:)` went byte by byte, 2 % of a large import.
            if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                length = base.distance(to: UnsafeRawPointer(nul))
            }
            return texts.append(UnsafeRawBufferPointer(rebasing: bytes[..<length])).map { ($0, CInt(length)) }
        }
        guard let (bytes, length) = copy else {
            // Too long for the buffer: SQLite copies it.
            return try check(value.withCString { sqlite3_bind_text(raw, index, $0, -1, Self.transient) })
        }
        // The copy stays put until the next reset(), after the statement ran: SQLite need not copy it.
        try check(sqlite3_bind_text(raw, index, bytes, length, nil))
    }

    func bind(_ value: Int64?, at index: CInt) throws {
        guard let value else { return try check(sqlite3_bind_null(raw, index)) }
        try check(sqlite3_bind_int64(raw, index, value))
    }

    func bind(_ value: Int?, at index: CInt) throws {
        try bind(value.map(Int64.init), at: index)
    }

    func bind(_ value: Bool, at index: CInt) throws {
        try check(sqlite3_bind_int64(raw, index, value ? 1 : 0))
    }

    /// Runs the statement with the values bound.
    func execute() throws {
        try statement.execute()
    }

    /// The rows the last run of this connection's statements inserted, updated or deleted
    /// (`sqlite3_changes`; GRDB's `changesCount` checks the dispatch queue first, per message).
    var changes: Int { Int(sqlite3_changes(sqlite3_db_handle(raw))) }

    /// The first column of the first row, if there is a row and it is not NULL.
    func fetchInt64() throws -> Int64? {
        try Int64.fetchOne(statement)
    }

    /// The first row, copied.
    func fetchRow() throws -> Row? {
        try Row.fetchOne(statement)
    }

    /// A binding fails only for a value SQLite cannot hold (a text over its length limit) or a
    /// wrong index; either way the import stops with SQLite's own error.
    private func check(_ code: CInt) throws {
        guard code != SQLITE_OK else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(raw))), sql: statement.sql)
    }
}
