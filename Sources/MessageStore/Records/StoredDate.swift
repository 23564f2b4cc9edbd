import Foundation
import GRDB

/// The text the store keeps for an instant: UTC `yyyy-MM-dd HH:mm:ss.SSS`, byte for byte what GRDB
/// writes for a `Date`, so stores written either way read the same and `sentAt` columns compare
/// correctly as text in SQL.
///
/// GRDB formats a `Date` with a `DateFormatter` and parses it through `DateComponents` and a
/// `Calendar`; on Linux both are ICU, and together they were 14 % of a large import and a quarter of
/// `metrics` (Benchmarks/README.md). This codec does the calendar arithmetic by hand for the years
/// the store meets, and hands anything else (other formats, years outside 1600–9999, where ICU's
/// Julian calendar switch or a five-digit year would differ) to GRDB.
enum StoredDate {
    /// Years the hand-written codec covers; ICU's Gregorian calendar is proleptic only after 1582.
    static let handledYears = 1600...9999

    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    private static let referenceOffset: Int64 = 978_307_200

    /// The stored text of `date`. ICU rounds to the nearest millisecond, halves up, from
    /// milliseconds since 1970 computed exactly this way (checked against `DateFormatter` on a
    /// million random instants, sub-millisecond ones included).
    static func text(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down)
        guard milliseconds.isFinite, abs(milliseconds) < 1e15 else { return fallbackText(date) }
        let total = Int64(milliseconds)
        let (days, millisecondOfDay) = floorDivision(total, 86_400_000)
        let civil = CivilDate(daysSince1970: days)
        guard handledYears.contains(civil.year) else { return fallbackText(date) }
        let second = millisecondOfDay / 1000
        return String(unsafeUninitializedCapacity: 23) { buffer in
            func put(_ value: Int64, digits: Int, at offset: Int) {
                var rest = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(Int64(civil.year), digits: 4, at: 0)
            buffer[4] = 0x2D  // -
            put(Int64(civil.month), digits: 2, at: 5)
            buffer[7] = 0x2D
            put(Int64(civil.day), digits: 2, at: 8)
            buffer[10] = 0x20  // space
            put(second / 3600, digits: 2, at: 11)
            buffer[13] = 0x3A  // :
            put(second / 60 % 60, digits: 2, at: 14)
            buffer[16] = 0x3A
            put(second % 60, digits: 2, at: 17)
            buffer[19] = 0x2E  // .
            put(millisecondOfDay % 1000, digits: 3, at: 20)
            return 23
        }
    }

    /// The instant of a stored text in exactly the format ``text(_:)`` writes; nil for anything
    /// else, which the caller then hands to GRDB.
    static func date(_ bytes: UnsafeRawBufferPointer) -> Date? {
        guard bytes.count == 23, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[19] == 0x2E
        else { return nil }
        func number(_ offset: Int, _ digits: Int) -> Int64? {
            var value: Int64 = 0
            for index in offset..<(offset + digits) {
                let digit = Int64(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3),
            handledYears.contains(Int(year)), (1...12).contains(month),
            (1...CivilDate.daysIn(month: Int(month), year: Int(year))).contains(Int(day)),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilDate(year: Int(year), month: Int(month), day: Int(day)).daysSince1970
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        // The same arithmetic as GRDB's Calendar path: whole seconds since the reference date, plus
        // the milliseconds as a fraction.
        return Date(timeIntervalSinceReferenceDate: Double(seconds - referenceOffset) + Double(millisecond) / 1000)
    }

    /// The instant of a stored text: ``date(_:)``, else GRDB's parser; nil when neither reads it.
    static func date(text: String) -> Date? {
        var text = text
        return text.withUTF8 { date(UnsafeRawBufferPointer($0)) } ?? Date.fromDatabaseValue(text.databaseValue)
    }

    /// `date` as the store gives it back: rounded to the millisecond.
    static func stored(_ date: Date) -> Date {
        Self.date(text: text(date)) ?? date
    }

    /// The instant in a column of `row`: the fast path for the store's own format, GRDB otherwise.
    static func date(in row: Row, at index: Int) throws -> Date? {
        // Numbers (seconds since 1970, which GRDB also reads) are not text: GRDB decodes them.
        enum Fast { case null, date(Date), other }
        let fast: Fast
        do {
            fast = try row.withUnsafeData(atIndex: index) { data in
                guard let data else { return .null }
                return data.withUnsafeBytes { bytes in date(bytes).map(Fast.date) ?? .other }
            }
        } catch {
            fast = .other
        }
        switch fast {
        case .null: return nil
        case .date(let date): return date
        case .other: break
        }
        let value: DatabaseValue = row[index]
        guard let parsed = Date.fromDatabaseValue(value) else {
            throw StoreError.internalInconsistency("a stored date cannot be read: \(value)")
        }
        return parsed
    }

    private static func fallbackText(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? "\(date)"
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}

extension Row {
    /// A non-null date column, read with ``StoredDate``.
    func storedDate(at index: Int) throws -> Date {
        guard let date = try StoredDate.date(in: self, at: index) else {
            throw StoreError.internalInconsistency("a stored date is NULL in column \(index)")
        }
        return date
    }

    /// A nullable date column, read with ``StoredDate``.
    func storedDateIfPresent(at index: Int) throws -> Date? {
        try StoredDate.date(in: self, at: index)
    }
}
