import Foundation

/// Amazon's Contact Response Time, computed offline (issue 3, point 5; POLICY.md §3.1–3.2): for a
/// window of W days, the customer messages received in (T − W days, T], each judged by
/// ``ResponseClock`` as of T. A pure function of the clocks and T.
public enum ContactResponseTime {
    /// The windows Seller Central shows.
    public static let standardWindows = [7, 30, 90]

    /// One window's counts, rates and average from clocks computed as of `asOf`. The average is
    /// summed in the order of `clocks` (receipt order gives the figures the reports have always shown).
    public static func window(days: Int, clocks: some Sequence<MessageClock>, asOf: Date) -> ContactResponseWindow {
        let from = asOf.addingTimeInterval(-Double(days) * 86_400)
        // Counters rather than a dictionary keyed by status: a 90-day window holds ~420,000 clocks.
        var within24h = 0, late = 0, noResponse = 0, pending = 0, excluded = 0
        var responseTotal = 0.0
        var answered = 0
        for clock in clocks where clock.receivedAt > from && clock.receivedAt <= asOf {
            switch clock.status {
            case .within24h: within24h += 1
            case .late: late += 1
            case .noResponse: noResponse += 1
            case .pending: pending += 1
            case .excluded: excluded += 1
            }
            if clock.status == .within24h || clock.status == .late, let seconds = clock.responseSeconds {
                responseTotal += seconds
                answered += 1
            }
        }
        return ContactResponseWindow(
            days: days, from: from, to: asOf, within24h: within24h, late: late, noResponse: noResponse, pending: pending,
            excluded: excluded,
            averageResponseSeconds: answered == 0 ? nil : responseTotal / Double(answered))
    }

    /// Every window, from the raw events (any threads, any order).
    public static func windows(_ days: [Int], events: [ClockEvent], asOf: Date) -> [ContactResponseWindow] {
        let clocks = ResponseClock.clocks(of: events, asOf: asOf)
        return days.map { window(days: $0, clocks: clocks, asOf: asOf) }
    }
}
