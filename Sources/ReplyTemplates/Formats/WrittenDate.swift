/// An English written date: `12 March 2026`, `March 12, 2026`, optionally after a weekday
/// (`Thursday, 12 March 2026`), with full or three-letter month names and an optional ordinal
/// (`12th`). The day must exist in that month and year.
enum WrittenDate {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func matches(_ value: String) -> Bool {
        var words = value.split(separator: " ", omittingEmptySubsequences: false).map { String($0) }
        guard words.allSatisfy({ !$0.isEmpty }) else { return false }
        if let first = words.first, first.hasSuffix(","), isWeekday(String(first.dropLast())) {
            words.removeFirst()
        }
        guard words.count == 3, let year = year(words[2]) else { return false }
        if let month = month(words[1]), let day = day(words[0]) {  // 12 March 2026
            return CalendarDay.isValid(year: year, month: month, day: day)
        }
        if words[1].hasSuffix(","), let month = month(words[0]), let day = day(String(words[1].dropLast())) {  // March 12, 2026
            return CalendarDay.isValid(year: year, month: month, day: day)
        }
        return false
    }

    private static func isWeekday(_ word: String) -> Bool {
        let lower = word.lowercased()
        return weekdays.contains { $0 == lower || $0.prefix(3) == lower }
    }

    /// 1–12 for a full month name or its first three letters ("Sept" too).
    private static func month(_ word: String) -> Int? {
        let lower = word.lowercased()
        if lower == "sept" { return 9 }
        return months.firstIndex { $0 == lower || (lower.count == 3 && $0.hasPrefix(lower)) }.map { $0 + 1 }
    }

    private static func day(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard (1...2).contains(digits.count), digits.unicodeScalars.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, word.unicodeScalars.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(word)
    }
}
