import Foundation

/// The 48-hour return clock (POLICY.md §3.4): a return request is late unless the seller
/// authorizes it, refunds or closes it within 48 hours; messages do not stop it. A pure function of
/// the stored requests and an instant `asOf`; resolutions after `asOf` do not count yet.
public enum ReturnClock {
    /// 48 hours, in seconds.
    public static let allowance: TimeInterval = 172_800

    /// The windows the return metrics cover.
    public static let standardWindows = [7, 30, 60]

    /// The request's status as of `asOf`, or nil when it was received later.
    public static func status(of request: ReturnRequest, asOf: Date) -> ReturnStatus? {
        guard request.receivedAt <= asOf else { return nil }
        if let resolvedAt = request.resolvedAt, resolvedAt <= asOf {
            return resolvedAt.timeIntervalSince(request.receivedAt) <= allowance ? .onTime : .late
        }
        return asOf.timeIntervalSince(request.receivedAt) > allowance ? .noResponse : .pending
    }

    /// One window: the requests received in (T − W days, T].
    public static func window(days: Int, requests: [ReturnRequest], asOf: Date) -> ReturnWindow {
        let from = asOf.addingTimeInterval(-Double(days) * 86_400)
        var counts: [ReturnStatus: Int] = [:]
        for request in requests where request.receivedAt > from {
            if let status = status(of: request, asOf: asOf) { counts[status, default: 0] += 1 }
        }
        return ReturnWindow(
            days: days, from: from, to: asOf, onTime: counts[.onTime] ?? 0, late: counts[.late] ?? 0,
            noResponse: counts[.noResponse] ?? 0, pending: counts[.pending] ?? 0)
    }
}
