import Foundation

/// A `Date:` value: the instant and the zone offset it was written in.
///
/// Reads RFC 5322 dates and their obsolete forms: optional day name, comments, white space around
/// the colons, two- and three-digit years, missing seconds, `UT`/`GMT`, the US zone names and military
/// letters (taken as +0000, RFC 5322 §4.3). Also accepts ISO 8601 stamps and asctime
/// (`Tue May 10 11:28:07 2005`, as on mbox `From ` lines). Anything else is nil, never a guess.
public struct MailDate: Sendable, Hashable {
    public var date: Date
    /// Seconds east of UTC.
    public var offsetSeconds: Int

    public init(date: Date, offsetSeconds: Int) {
        self.date = date
        self.offsetSeconds = offsetSeconds
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7,
        "pdt": -7, "pst": -8,
    ]

    public static func parse(_ raw: String) -> MailDate? {
        let text = stripComments(raw)
        if let iso = parseISO8601(text) { return iso }
        // Tokens: words, numbers, times (white space around ':' removed first) and signed zones.
        var compact = ""
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\t" || character == "\r" || character == "\n" || character == "," {
                pendingSpace = true
                continue
            }
            if character == ":" {
                pendingSpace = false
                compact.append(character)
                continue
            }
            if pendingSpace, let last = compact.last, last != ":" { compact.append(" ") }
            pendingSpace = false
            compact.append(character)
        }
        let tokens = compact.split(separator: " ").map(String.init)
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: Int?
        var numbers: [String] = []
        for token in tokens {
            let lower = token.lowercased()
            if token.contains(":") {
                guard time == nil else { continue }
                let parts = token.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1])
                else { return nil }
                let second = parts.count == 3 ? Int(parts[2].prefix(2)) : 0
                guard let second else { return nil }
                time = (hour, minute, second)
            } else if (token.hasPrefix("+") || token.hasPrefix("-")) && token.count == 5,
                let value = Int(token.dropFirst()), time != nil
            {
                let sign = token.hasPrefix("-") ? -1 : 1
                offset = sign * ((value / 100) * 3600 + (value % 100) * 60)
            } else if let zone = zones[lower], time != nil {
                if offset == nil { offset = zone * 3600 }
            } else if lower.count == 1, lower.first?.isLetter == true, time != nil {
                if offset == nil { offset = 0 }  // military zones are unreliable; RFC 5322 says -0000
            } else if let index = months.firstIndex(where: { lower.hasPrefix($0) }), month == nil,
                lower.allSatisfy(\.isLetter), lower.count <= 9
            {
                month = index + 1
            } else if token.allSatisfy(\.isNumber), !token.isEmpty {
                numbers.append(token)
            }
        }
        // Day then year (RFC order); the asctime form puts the year after the time, same order.
        for number in numbers {
            guard let value = Int(number) else { continue }
            if day == nil, number.count <= 2 {
                day = value
            } else if year == nil {
                year = number.count == 2 ? (value < 50 ? 2000 + value : 1900 + value) : (number.count == 3 ? 1900 + value : value)
            }
        }
        guard let day, let month, let year, let (hour, minute, second) = time else { return nil }
        return make(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset ?? 0)
    }

    /// An instant from calendar fields; nil when a field is out of range.
    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> MailDate? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second), abs(offset) < 24 * 3600, (1...9999).contains(year)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return MailDate(date: Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds: offset)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func stripComments(_ text: String) -> String {
        var output = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")", depth > 0 {
                depth -= 1
            } else if depth == 0 {
                output.append(character)
            }
        }
        return output
    }

    /// `2026-03-01T09:30:00+01:00`, `…Z`, fractional seconds allowed; the offset is required unless
    /// `Z` is given. Exports use this form.
    public static func parseISO8601(_ raw: String) -> MailDate? {
        let text = raw.trimmingWhitespaces()
        // A native string's UTF-8 is read in place rather than copied: every exported record passes here.
        switch text.utf8.withContiguousStorageIfAvailable(parseISO8601) {
        case .some(let date): return date
        case .none: return Array(text.utf8).withUnsafeBufferPointer(parseISO8601)
        }
    }

    /// The form above in UTF-8 bytes, nothing trimmed.
    static func parseISO8601(_ scalars: UnsafeBufferPointer<UInt8>) -> MailDate? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for index in range {
                guard scalars[index] >= 0x30, scalars[index] <= 0x39 else { return nil }
                value = value * 10 + Int(scalars[index] - 0x30)
            }
            return value
        }
        guard scalars.count >= 20, let year = number(0..<4), scalars[4] == 0x2D, let month = number(5..<7),
            scalars[7] == 0x2D, let day = number(8..<10), scalars[10] == 0x54 || scalars[10] == 0x74 || scalars[10] == 0x20,
            let hour = number(11..<13), scalars[13] == 0x3A, let minute = number(14..<16), scalars[16] == 0x3A,
            let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < scalars.count, scalars[index] == 0x2E {
            index += 1
            var scale = 0.1
            while index < scalars.count, scalars[index] >= 0x30, scalars[index] <= 0x39 {
                fraction += Double(scalars[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < scalars.count else { return nil }
        var offset = 0
        if scalars[index] == 0x5A || scalars[index] == 0x7A {
            index += 1
        } else if scalars[index] == 0x2B || scalars[index] == 0x2D {
            let sign = scalars[index] == 0x2D ? -1 : 1
            guard let hours = number((index + 1)..<(index + 3)) else { return nil }
            var next = index + 3
            if next < scalars.count, scalars[next] == 0x3A { next += 1 }
            guard let minutes = number(next..<(next + 2)) else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
            index = next + 2
        } else {
            return nil
        }
        guard index == scalars.count,
            let base = make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
        else { return nil }
        return MailDate(date: base.date.addingTimeInterval(fraction), offsetSeconds: offset)
    }
}
