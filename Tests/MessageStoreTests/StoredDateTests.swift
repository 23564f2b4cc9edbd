import Foundation
import GRDB
import TestSupport
import Testing

@testable import MessageStore

/// The hand-written date codec must be indistinguishable from GRDB's own `Date` storage: same text
/// when writing, same instant when reading, so old and new stores mix and SQL text comparisons hold.
@Suite struct StoredDateTests {
    /// GRDB's text for `date`.
    func grdbText(_ date: Date) -> String? { String.fromDatabaseValue(date.databaseValue) }

    @Test(arguments: 1...20)
    func writesWhatGRDBWritesAndReadsWhatGRDBReads(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        for _ in 0..<500 {
            // 1600 to 9999, and sub-millisecond parts that must be rounded like ICU does.
            let seconds = Double.random(in: -11_676_096_000...253_402_300_799, using: &random)
            let precision = [1, 1000, 1_000_000].randomElement(using: &random) ?? 1
            let date = Date(timeIntervalSince1970: (seconds * Double(precision)).rounded(.down) / Double(precision))
            let text = StoredDate.text(date)
            #expect(text == grdbText(date), "\(date.timeIntervalSince1970)")
            let grdb = Date.fromDatabaseValue(text.databaseValue)
            #expect(StoredDate.date(text: text) == grdb, "\(text)")
        }
    }

    @Test func theRecentPastAndSubSecondPrecision() throws {
        let samples = [
            "2026-11-25 00:00:00.000", "2026-10-25 00:59:59.999", "2024-02-29 23:59:59.001", "2000-01-01 00:00:00.500",
            "1970-01-01 00:00:00.000", "1969-12-31 23:59:59.999", "1600-03-01 12:00:00.250", "9999-12-31 23:59:59.999",
        ]
        for text in samples {
            let date = try #require(StoredDate.date(text: text))
            #expect(date == Date.fromDatabaseValue(text.databaseValue), "\(text)")
            #expect(StoredDate.text(date) == text)
        }
        let withFraction = Date(timeIntervalSince1970: 1_764_028_800.123_9)
        #expect(StoredDate.text(withFraction) == "2025-11-25 00:00:00.124")
        #expect(StoredDate.text(withFraction) == grdbText(withFraction))
        #expect(StoredDate.stored(withFraction) == StoredDate.date(text: "2025-11-25 00:00:00.124"))
        #expect(StoredDate.text(Date(timeIntervalSince1970: 1_764_028_800.123_4)) == "2025-11-25 00:00:00.123")
    }

    @Test func instantsWithOffsetsAreStoredInUTC() {
        // 2026-10-25 02:30 in Berlin (+02:00, before the switch) and 01:30 in London (+00:00, after it).
        #expect(StoredDate.text(at("2026-10-25T02:30:00+02:00")) == "2026-10-25 00:30:00.000")
        #expect(StoredDate.text(at("2026-10-25T01:30:00+00:00")) == "2026-10-25 01:30:00.000")
        #expect(StoredDate.text(at("2026-03-01T08:00:00+09:00")) == "2026-02-28 23:00:00.000")
    }

    @Test func otherFormatsAndYearsGoThroughGRDB() {
        for text in ["2026-11-25 00:00:00", "2026-11-25T00:00:00.000", "2026-11-25", "2026-11-25 00:00", "1500-06-01 00:00:00.000"] {
            #expect(StoredDate.date(text: text) == Date.fromDatabaseValue(text.databaseValue), "\(text)")
        }
        for date in [Date.distantPast, Date(timeIntervalSince1970: -20_000_000_000)] {
            #expect(StoredDate.text(date) == grdbText(date))
        }
        #expect(StoredDate.date(text: "2026-13-01 00:00:00.000") == Date.fromDatabaseValue("2026-13-01 00:00:00.000".databaseValue))
        #expect(StoredDate.date(text: "not a date") == nil)
    }

    @Test func rowsReadBothTheFastAndTheFallbackFormats() throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            let row = try #require(
                try Row.fetchOne(db, sql: "SELECT '2026-11-25 10:20:30.456', '2026-11-25T10:20:30Z', NULL, 1764066030"))
            #expect(try row.storedDate(at: 0) == Date.fromDatabaseValue("2026-11-25 10:20:30.456".databaseValue))
            #expect(try row.storedDate(at: 1) == at("2026-11-25T10:20:30Z"))
            #expect(try row.storedDateIfPresent(at: 2) == nil)
            #expect(try row.storedDate(at: 3) == Date(timeIntervalSince1970: 1_764_066_030))
            #expect(throws: StoreError.self) { try row.storedDate(at: 2) }
        }
    }
}
