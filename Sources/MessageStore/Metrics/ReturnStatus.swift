/// Where a return request stands against the 48-hour clock (POLICY.md §3.4). Raw values are the
/// JSON spellings.
public enum ReturnStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Authorized, refunded or closed at most 48 hours after it was received.
    case onTime = "on_time"
    /// Resolved more than 48 hours after it was received.
    case late
    /// Unresolved, and more than 48 hours have passed.
    case noResponse = "no_response"
    /// Unresolved, and at most 48 hours have passed.
    case pending
}
