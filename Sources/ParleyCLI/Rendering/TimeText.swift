import Foundation

/// How the store commands print instants and durations: always UTC, to the second, and durations
/// in the largest two units, so a window's edge or a due time is never ambiguous.
enum TimeText {
    /// `2026-03-03 11:00:00 UTC`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `2d 03h`, `5h 07m`, `12m`, `40s`: whole units, rounded down, sign dropped.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded(.down))
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60)
        if days > 0 { return "\(days)d \(String(format: "%02d", hours))h" }
        if hours > 0 { return "\(hours)h \(String(format: "%02d", minutes))m" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(total)s"
    }
}
