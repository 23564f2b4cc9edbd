import Foundation

/// Contact Response Time over one trailing window: customer messages received in (`from`, `to`],
/// counted by status. Its JSON keys are a contract (issue 3, point 5); rates and the average are
/// `null` when there is nothing to divide by.
public struct ContactResponseWindow: Sendable, Hashable, Codable {
    public var days: Int
    /// The window's open lower bound: `to` − `days` × 24 h.
    public var from: Date
    /// The window's closed upper bound: the as-of instant.
    public var to: Date
    /// within24h + late + noResponse + pending + excluded.
    public var customerMessages: Int
    public var within24h: Int
    public var late: Int
    public var noResponse: Int
    public var pending: Int
    public var excluded: Int
    /// within24h / decided.
    public var onTimeRate: Double?
    /// (late + noResponse) / decided.
    public var lateResponseRate: Double?
    /// The mean time to the response over the answered messages (within24h + late).
    public var averageResponseSeconds: Double?
    public var status: MetricStatus

    /// The messages with a verdict: within24h + late + noResponse.
    public var decided: Int { within24h + late + noResponse }

    public init(
        days: Int, from: Date, to: Date, within24h: Int, late: Int, noResponse: Int, pending: Int, excluded: Int,
        averageResponseSeconds: Double?
    ) {
        self.days = days
        self.from = from
        self.to = to
        self.within24h = within24h
        self.late = late
        self.noResponse = noResponse
        self.pending = pending
        self.excluded = excluded
        self.customerMessages = within24h + late + noResponse + pending + excluded
        let decided = within24h + late + noResponse
        self.onTimeRate = decided == 0 ? nil : Double(within24h) / Double(decided)
        self.lateResponseRate = decided == 0 ? nil : Double(late + noResponse) / Double(decided)
        self.averageResponseSeconds = averageResponseSeconds
        self.status = MetricStatus(lateResponseRate: lateResponseRate)
    }

    enum CodingKeys: String, CodingKey {
        case days, from, to, late, pending, excluded, status
        case customerMessages = "customer_messages"
        case within24h = "within_24h"
        case noResponse = "no_response"
        case onTimeRate = "on_time_rate"
        case lateResponseRate = "late_response_rate"
        case averageResponseSeconds = "average_response_seconds"
    }

    // Every key is always present: `null` rather than a missing key when a value is undefined.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days, forKey: .days)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(customerMessages, forKey: .customerMessages)
        try container.encode(within24h, forKey: .within24h)
        try container.encode(late, forKey: .late)
        try container.encode(noResponse, forKey: .noResponse)
        try container.encode(pending, forKey: .pending)
        try container.encode(excluded, forKey: .excluded)
        try container.encode(onTimeRate, forKey: .onTimeRate)
        try container.encode(lateResponseRate, forKey: .lateResponseRate)
        try container.encode(averageResponseSeconds, forKey: .averageResponseSeconds)
        try container.encode(status, forKey: .status)
    }
}
