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
    public static func clocks(of events: [ClockEvent], asOf: Date) -> [MessageClock] {
        let visible = events.filter { $0.sentAt <= asOf }
        var responses: [Int64: [(at: Date, id: Int64)]] = [:]
        for event in visible where event.role == .response {
            responses[event.threadID, default: []].append((event.sentAt, event.messageID))
        }
        for key in responses.keys {
            responses[key]?.sort { $0.at != $1.at ? $0.at < $1.at : $0.id < $1.id }
        }
        let customer = visible.filter { $0.role == .customerMessage }
            .sorted { $0.sentAt != $1.sentAt ? $0.sentAt < $1.sentAt : $0.messageID < $1.messageID }
        return customer.map { message in
            let response = firstResponse(after: message.sentAt, in: responses[message.threadID] ?? [])
            return MessageClock(
                messageID: message.messageID, threadID: message.threadID, receivedAt: message.sentAt,
                status: status(of: message, respondedAt: response?.at, asOf: asOf), respondedAt: response?.at,
                responseMessageID: response?.id)
        }
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

    /// The first response strictly after `instant` in a thread's responses sorted by time.
    static func firstResponse(after instant: Date, in sorted: [(at: Date, id: Int64)]) -> (at: Date, id: Int64)? {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].at <= instant { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? sorted[low] : nil
    }
}
