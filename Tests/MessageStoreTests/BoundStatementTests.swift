import Foundation
import GRDB
import Testing

@testable import MessageStore

/// `BoundStatement` stores what GRDB's own binding stores: the same bytes and types, a text cut at
/// a NUL as GRDB's C string cuts it, and texts too long for its buffer.
@Suite struct BoundStatementTests {
    static let texts = [
        "", "plain", "Grüße aus Köln 👋", "before\u{0}after", String(repeating: "x", count: 40_000),
        String(repeating: "é", count: 70_000), " \n",
    ]

    /// Each row as `quote(value)`, which shows type and bytes.
    func stored(_ db: Database) throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT quote(a), quote(b), quote(c), quote(d), quote(e) FROM t ORDER BY rowid").map { row in
            (0..<5).map { row[$0] as String }
        }
    }

    @Test func bindsWhatGRDBBinds() throws {
        let queue = try DatabaseQueue()
        let (expected, actual) = try queue.write { db -> ([[String]], [[String]]) in
            try db.execute(sql: "CREATE TABLE t (a, b, c, d, e)")
            let sql = "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)"
            // Several long texts in one run overflow the statement's buffer partway.
            for (index, text) in Self.texts.enumerated() {
                let other = Self.texts[(index + 4) % Self.texts.count]
                try db.execute(sql: sql, arguments: [text, other, Int64(index) - 3, index % 2 == 0, index % 3 == 0 ? nil : text])
            }
            let expected = try stored(db)
            try db.execute(sql: "DELETE FROM t")
            let statement = try BoundStatement(db, sql: sql)
            for (index, text) in Self.texts.enumerated() {
                statement.reset()
                try statement.bind(text, at: 1)
                try statement.bind(Self.texts[(index + 4) % Self.texts.count], at: 2)
                try statement.bind(Int64(index) - 3, at: 3)
                try statement.bind(index % 2 == 0, at: 4)
                try statement.bind(index % 3 == 0 ? nil : text, at: 5)
                try statement.execute()
            }
            return (expected, try stored(db))
        }
        #expect(actual.count == Self.texts.count)
        #expect(actual == expected)
    }

    @Test func readsTheFirstColumn() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            let statement = try BoundStatement(db, sql: "SELECT length(?1) WHERE ?1 IS NOT NULL")
            for text in Self.texts {
                statement.reset()
                try statement.bind(text, at: 1)
                #expect(try statement.fetchInt64() == Int64.fetchOne(db, sql: "SELECT length(?)", arguments: [text]))
            }
            statement.reset()
            try statement.bind(nil as String?, at: 1)
            #expect(try statement.fetchInt64() == nil)
        }
    }
}
