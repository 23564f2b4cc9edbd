/// Where a customer message stands against the 24-hour clock (POLICY.md §3.2). The raw values are
/// the JSON spellings.
public enum ResponseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Answered at most 24 hours after it was received (exactly 24 hours is on time).
    case within24h = "within_24h"
    /// Answered more than 24 hours after it was received.
    case late
    /// Not answered, and more than 24 hours have passed.
    case noResponse = "no_response"
    /// Not answered, and at most 24 hours have passed.
    case pending
    /// Marked no-response-needed: out of the calculation.
    case excluded

    /// Still waiting for the seller: pending or overdue.
    public var isAwaitingResponse: Bool { self == .pending || self == .noResponse }
}
