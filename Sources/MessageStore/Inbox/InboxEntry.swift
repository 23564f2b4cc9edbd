import Foundation

/// One thread waiting for the seller: its customer messages without a response, oldest first, and
/// the buyer's latest words.
public struct InboxEntry: Sendable, Hashable {
    public var thread: MessageThread
    /// The unanswered customer messages' clocks (pending or overdue), oldest first; never empty.
    public var waiting: [MessageClock]
    /// The buyer's latest message in the thread.
    public var lastBuyerMessage: Message

    public init(thread: MessageThread, waiting: [MessageClock], lastBuyerMessage: Message) {
        self.thread = thread
        self.waiting = waiting
        self.lastBuyerMessage = lastBuyerMessage
    }

    /// The oldest waiting message's due time: a burst of messages is as urgent as its first.
    public var dueAt: Date { waiting.first?.dueAt ?? lastBuyerMessage.sentAt.addingTimeInterval(ResponseClock.allowance) }

    /// Seconds until `dueAt`; negative when overdue.
    public func secondsLeft(asOf: Date) -> TimeInterval { dueAt.timeIntervalSince(asOf) }

    /// The buyer's latest words on one line, at most `limit` characters.
    public func lastBuyerWords(limit: Int = 160) -> String {
        let words = lastBuyerMessage.body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count <= limit ? words : String(words.prefix(limit - 1)) + "…"
    }
}
