/// Bounds on the work one match attempt may do. A rule that backtracks catastrophically stops with
/// `PCRE2Error.matchLimit` instead of hanging the linter.
public struct MatchLimits: Sendable, Hashable {
    /// Calls of PCRE2's internal `match()` (also enforced under JIT).
    public var matchLimit: UInt32
    /// Backtracking depth (interpreter only; JIT uses its own stack).
    public var depthLimit: UInt32
    /// Heap used for backtracking, in KiB.
    public var heapLimitKiB: UInt32

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    public static let `default` = MatchLimits()
}
