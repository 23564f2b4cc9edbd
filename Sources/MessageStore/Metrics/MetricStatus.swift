/// Whether a late-response rate meets the commonly cited target (≤ 10 % late, POLICY.md §3.3).
public enum MetricStatus: String, Sendable, Hashable, Codable {
    case good
    case atRisk = "at-risk"

    /// The commonly cited target: at most 10 % of decided messages late or unanswered.
    public static let lateRateTarget = 0.10

    /// `good` when the rate is at most the target, or when nothing was decided yet.
    public init(lateResponseRate: Double?) {
        self = (lateResponseRate ?? 0) <= Self.lateRateTarget ? .good : .atRisk
    }
}
