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
    /// One sort by (time, id), then one walk from the latest instant back: the first response
    /// strictly after a message is the earliest response already met in its thread at a later
    /// instant. Metrics run this over the ~750,000 events of a 90-day window, where per-thread
    /// arrays and binary searches cost a fifth of the call (Benchmarks/README.md).
    public static func clocks(of events: [ClockEvent], asOf: Date) -> [MessageClock] {
        let timed = events.filter { $0.sentAt <= asOf && $0.role != .other }
            .sorted { $0.sentAt != $1.sentAt ? $0.sentAt < $1.sentAt : $0.messageID < $1.messageID }
        var laterResponse: [Int64: (at: Date, id: Int64)] = [:]
        var newestFirst: [MessageClock] = []
        var end = timed.count
        while end > 0 {
            var start = end - 1
            while start > 0, timed[start - 1].sentAt == timed[end - 1].sentAt { start -= 1 }
            // Customer messages at this instant: a response at the same instant does not answer them.
            for index in stride(from: end - 1, through: start, by: -1) where timed[index].role == .customerMessage {
                let message = timed[index]
                let response = laterResponse[message.threadID]
                newestFirst.append(
                    MessageClock(
                        messageID: message.messageID, threadID: message.threadID, receivedAt: message.sentAt,
                        status: status(of: message, respondedAt: response?.at, asOf: asOf), respondedAt: response?.at,
                        responseMessageID: response?.id))
            }
            // Then this instant's responses answer the earlier messages; by id descending, so the
            // lowest id at the instant is the one kept.
            for index in stride(from: end - 1, through: start, by: -1) where timed[index].role == .response {
                laterResponse[timed[index].threadID] = (timed[index].sentAt, timed[index].messageID)
            }
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
