import ArgumentParser
import Foundation

/// An instant written as ISO 8601 with an offset (`2026-03-01T12:00:00Z`,
/// `2026-03-01T13:00:00+01:00`, fractions of a second allowed): `--as-of` and `--at`. The offset
/// is required, so a time never depends on the machine's zone.
struct Timestamp: ExpressibleByArgument, Sendable, Hashable {
    var date: Date

    init(date: Date) { self.date = date }

    init?(argument: String) {
        guard let date = Self.parse(argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }

    static func parse(_ text: String) -> Date? {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})$/#
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let (_, year, month, day, hour, minute, second, fraction, zone) = match.output
        var components = DateComponents()
        components.year = Int(year)
        components.month = Int(month)
        components.day = Int(day)
        components.hour = Int(hour)
        components.minute = Int(minute)
        components.second = second.flatMap { Int($0) } ?? 0
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        guard let hourValue = components.hour, hourValue < 24, let minuteValue = components.minute, minuteValue < 60,
            let secondValue = components.second, secondValue < 60, components.isValidDate(in: calendar),
            let base = calendar.date(from: components)
        else { return nil }
        var offset = 0
        if zone != "Z" && zone != "z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        let fractionSeconds = fraction.flatMap { Double("0" + $0) } ?? 0
        return base.addingTimeInterval(fractionSeconds - Double(offset))
    }
}

extension Timestamp {
    /// The help text shared by `--as-of` and `--at`.
    static let formatHelp = "ISO 8601 with an offset, e.g. 2026-03-01T12:00:00Z or 2026-03-01T13:00:00+01:00"
}
