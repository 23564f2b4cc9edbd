import Foundation

/// The return late-response rate over one trailing window: requests received in (`from`, `to`].
public struct ReturnWindow: Sendable, Hashable, Codable {
    public var days: Int
    public var from: Date
    public var to: Date
    /// onTime + late + noResponse + pending.
    public var returnRequests: Int
    public var onTime: Int
    public var late: Int
    public var noResponse: Int
    public var pending: Int
    /// (late + noResponse) / (onTime + late + noResponse); null when that is 0.
    public var lateResponseRate: Double?
    public var status: MetricStatus

    public var decided: Int { onTime + late + noResponse }

    public init(days: Int, from: Date, to: Date, onTime: Int, late: Int, noResponse: Int, pending: Int) {
        self.days = days
        self.from = from
        self.to = to
        self.onTime = onTime
        self.late = late
        self.noResponse = noResponse
        self.pending = pending
        self.returnRequests = onTime + late + noResponse + pending
        let decided = onTime + late + noResponse
        self.lateResponseRate = decided == 0 ? nil : Double(late + noResponse) / Double(decided)
        self.status = MetricStatus(lateResponseRate: lateResponseRate)
    }

    enum CodingKeys: String, CodingKey {
        case days, from, to, late, pending, status
        case returnRequests = "return_requests"
        case onTime = "on_time"
        case noResponse = "no_response"
        case lateResponseRate = "late_response_rate"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days, forKey: .days)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(returnRequests, forKey: .returnRequests)
        try container.encode(onTime, forKey: .onTime)
        try container.encode(late, forKey: .late)
        try container.encode(noResponse, forKey: .noResponse)
        try container.encode(pending, forKey: .pending)
        try container.encode(lateResponseRate, forKey: .lateResponseRate)
        try container.encode(status, forKey: .status)
    }
}
