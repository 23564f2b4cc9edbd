import Foundation

/// A thread with its messages in order, each customer message's clock as of an instant, and the
/// return requests of its order: what `parley thread` shows.
public struct Conversation: Sendable, Hashable {
    public var thread: MessageThread
    /// Messages sent at or before `asOf`, oldest first.
    public var messages: [Message]
    /// The clock of each customer message, by message id.
    public var clocks: [Int64: MessageClock]
    public var returnRequests: [ReturnRequest]
    public var asOf: Date

    public init(thread: MessageThread, messages: [Message], clocks: [Int64: MessageClock], returnRequests: [ReturnRequest], asOf: Date) {
        self.thread = thread
        self.messages = messages
        self.clocks = clocks
        self.returnRequests = returnRequests
        self.asOf = asOf
    }

    /// Messages after `asOf` that the view leaves out.
    public var laterMessages: Int = 0
}
