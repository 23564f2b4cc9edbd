import Foundation

/// Everything `parley metrics` reports, as one versioned JSON document: Contact Response Time per
/// window, the customer messages of the last 7 days still unanswered, and the return
/// late-response rate over 7/30/60 days.
public struct MetricsReport: Sendable, Hashable, Codable {
    public static let currentVersion = 1

    public var version: Int
    public var asOf: Date
    public var windows: [ContactResponseWindow]
    /// Pending or overdue customer messages received in the last 7 days, oldest first.
    public var unansweredLast7Days: [UnansweredMessage]
    public var returnRequests: [ReturnWindow]

    public init(asOf: Date, windows: [ContactResponseWindow], unansweredLast7Days: [UnansweredMessage], returnRequests: [ReturnWindow]) {
        self.version = Self.currentVersion
        self.asOf = asOf
        self.windows = windows
        self.unansweredLast7Days = unansweredLast7Days
        self.returnRequests = returnRequests
    }

    enum CodingKeys: String, CodingKey {
        case version, windows
        case asOf = "as_of"
        case unansweredLast7Days = "unanswered_last_7_days"
        case returnRequests = "return_requests"
    }
}
