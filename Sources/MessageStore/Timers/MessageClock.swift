import Foundation

/// The 24-hour clock of one customer message as of some instant.
public struct MessageClock: Sendable, Hashable {
    public var messageID: Int64
    public var threadID: Int64
    public var receivedAt: Date
    public var status: ResponseStatus
    /// The first response after the message (by `asOf`), also for excluded messages.
    public var respondedAt: Date?
    public var responseMessageID: Int64?

    public init(
        messageID: Int64, threadID: Int64, receivedAt: Date, status: ResponseStatus, respondedAt: Date? = nil,
        responseMessageID: Int64? = nil
    ) {
        self.messageID = messageID
        self.threadID = threadID
        self.receivedAt = receivedAt
        self.status = status
        self.respondedAt = respondedAt
        self.responseMessageID = responseMessageID
    }

    /// When a response is due: 86,400 seconds after receipt, on the wall clock (DST and time zones
    /// never move it).
    public var dueAt: Date { receivedAt.addingTimeInterval(ResponseClock.allowance) }

    /// Seconds from receipt to the response, when answered.
    public var responseSeconds: TimeInterval? { respondedAt.map { $0.timeIntervalSince(receivedAt) } }

    /// Seconds left before `dueAt` (negative when overdue).
    public func secondsLeft(asOf: Date) -> TimeInterval { dueAt.timeIntervalSince(asOf) }
}
