import Foundation

/// The 24-hour response clocks (POLICY.md §3.2): every customer message not marked
/// no-response-needed starts one; the first response in its thread after it stops it; weekends and
/// holidays count. A pure function of the stored events and an instant `asOf`.
public enum ResponseClock {
    /// 24 hours, in seconds.
    public static let allowance: TimeInterval = 86_400

    /// The clock of every customer message among `events` received at or before `asOf`, in order of
    /// receipt (then message id). Events may come from many threads, in any order; events after
    /// `asOf` are ignored, and so are no-response-needed marks made after it.
    ///
    /// One sort by (time, id), then one walk from the latest instant back (``ResponseClockWalk``);
    /// per-thread arrays and binary searches cost a fifth of a metrics call (Benchmarks/README.md).
    public static func clocks(of events: [ClockEvent], asOf: Date) -> [MessageClock] {
        let timed = events.filter { $0.sentAt <= asOf && $0.role != .other }
            .sorted { $0.sentAt != $1.sentAt ? $0.sentAt < $1.sentAt : $0.messageID < $1.messageID }
        var walk = ResponseClockWalk(asOf: asOf)
        var newestFirst: [MessageClock] = []
        newestFirst.reserveCapacity(timed.count)
        var end = timed.count
        while end > 0 {
            var start = end - 1
            while start > 0, timed[start - 1].sentAt == timed[end - 1].sentAt { start -= 1 }
            walk.step(instant: timed[start..<end].reversed()) { newestFirst.append($0) }
            end = start
        }
        return newestFirst.reversed()
    }

    /// The status of one customer message given its response time (nil when unanswered by `asOf`).
    public static func status(of message: ClockEvent, respondedAt: Date?, asOf: Date) -> ResponseStatus {
        if message.isExcluded(asOf: asOf) { return .excluded }
        if let respondedAt {
            // Only "over 24 hours" is late, so exactly 24 hours is on time.
            return respondedAt.timeIntervalSince(message.sentAt) <= allowance ? .within24h : .late
        }
        return asOf.timeIntervalSince(message.sentAt) > allowance ? .noResponse : .pending
    }
}
