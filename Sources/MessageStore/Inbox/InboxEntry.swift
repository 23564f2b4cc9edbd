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

    /// The buyer's latest words on one line, at most `limit` characters: white space runs become
    /// one space, and a longer text ends in "…" at `limit`.
    ///
    /// One pass over the characters that stops at `limit`, rather than split, join and count:
    /// `parley inbox` renders this for every waiting thread (12,685 in the benchmark store).
    public func lastBuyerWords(limit: Int = 160) -> String {
        var words = ""
        var count = 0
        var spaceBefore = false
        for character in lastBuyerMessage.body {
            if character.isWhitespace {
                spaceBefore = count > 0
                continue
            }
            let needed = spaceBefore ? 2 : 1
            guard count + needed <= limit else {
                return String(words.prefix(limit - 1)) + "…"
            }
            if spaceBefore { words.append(" ") }
            words.append(character)
            count += needed
            spaceBefore = false
        }
        return words
    }
}
