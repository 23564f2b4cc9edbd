import Foundation
import MailImport

/// The facts the clocks need about one stored message, and nothing else, so metrics over a large
/// store read few columns.
public struct ClockEvent: Sendable, Hashable {
    /// What a message does to the 24-hour clocks of its thread.
    public enum Role: Sendable, Hashable {
        /// A buyer's own message: starts a clock unless marked no-response-needed.
        case customerMessage
        /// A seller message that is not an auto-reply: stops the clocks of the customer messages before it.
        case response
        /// Anything else (auto-replies, Amazon notices, return requests): no effect on the clock.
        case other

        public init(direction: Direction, kind: MessageKind, isAutoReply: Bool) {
            switch direction {
            case .buyer where kind == .message && !isAutoReply: self = .customerMessage
            case .seller where !isAutoReply: self = .response
            default: self = .other
            }
        }

        /// ``init(direction:kind:isAutoReply:)`` as an SQL condition on the message table: true for
        /// the rows whose role is not `.other`. Metrics filter a 90-day window with it in SQLite; a
        /// property test (ImportPropertyTests, every kind from every sender) holds the two equal.
        static let countingSQL = """
            (isAutoReply = 0 AND (direction = '\(Direction.seller.rawValue)' \
            OR (direction = '\(Direction.buyer.rawValue)' AND kind = '\(MessageKind.message.rawValue)')))
            """

        /// Among the rows ``countingSQL`` keeps, 1 for a `.response` and 0 for a `.customerMessage`.
        static let isResponseSQL = "(direction = '\(Direction.seller.rawValue)')"

        init(_ message: Message) {
            self.init(direction: message.direction, kind: message.kind, isAutoReply: message.isAutoReply)
        }
    }

    public var messageID: Int64
    public var threadID: Int64
    public var role: Role
    public var sentAt: Date
    public var noResponseNeeded: Bool
    /// When the message was marked; nil when the mark came with the message (it always counts).
    public var noResponseNeededAt: Date?

    public init(
        messageID: Int64, threadID: Int64, role: Role, sentAt: Date, noResponseNeeded: Bool = false,
        noResponseNeededAt: Date? = nil
    ) {
        self.messageID = messageID
        self.threadID = threadID
        self.role = role
        self.sentAt = sentAt
        self.noResponseNeeded = noResponseNeeded
        self.noResponseNeededAt = noResponseNeededAt
    }

    /// Whether the no-response-needed mark counts as of `asOf`: a mark made later does not.
    public func isExcluded(asOf: Date) -> Bool {
        guard noResponseNeeded else { return false }
        guard let noResponseNeededAt else { return true }
        return noResponseNeededAt <= asOf
    }
}
