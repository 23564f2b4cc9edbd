import Foundation

/// The most urgent part of the inbox, with the counts of the whole: a seller reads the top of the
/// list, and rendering every waiting thread (12,685 in the benchmark store) costs more than reading it.
public struct InboxPage: Sendable, Hashable {
    /// The most urgent waiting threads, in the order of `inbox(asOf:)`: the first `limit` of it.
    public var entries: [InboxEntry]
    /// How many threads are waiting in all, shown or not.
    public var totalThreads: Int
    /// How many of those are overdue.
    public var overdueThreads: Int

    public init(entries: [InboxEntry], totalThreads: Int, overdueThreads: Int) {
        self.entries = entries
        self.totalThreads = totalThreads
        self.overdueThreads = overdueThreads
    }

    /// The whole inbox as a page.
    public init(all entries: [InboxEntry], asOf: Date) {
        self.init(entries: entries, totalThreads: entries.count, overdueThreads: entries.count { $0.secondsLeft(asOf: asOf) < 0 })
    }

    /// Whether every waiting thread is in `entries`.
    public var isComplete: Bool { entries.count == totalThreads }
}
