import Foundation

/// `parley inbox --format json`: the threads waiting for the seller, most urgent first.
public struct InboxReport: Sendable, Hashable, Codable {
    public static let currentVersion = 1

    public struct Item: Sendable, Hashable, Codable {
        public var thread: Int64
        public var dueAt: Date
        /// Negative when overdue.
        public var secondsLeft: Double
        public var overdue: Bool
        public var buyerName: String?
        public var buyerAlias: String?
        public var orderID: String?
        public var marketplace: String?
        public var subject: String
        /// The ids of the unanswered customer messages, oldest first.
        public var waiting: [Int64]
        public var lastBuyerWords: String

        enum CodingKeys: String, CodingKey {
            case thread, overdue, marketplace, subject, waiting
            case dueAt = "due_at"
            case secondsLeft = "seconds_left"
            case buyerName = "buyer_name"
            case buyerAlias = "buyer_alias"
            case orderID = "order_id"
            case lastBuyerWords = "last_buyer_words"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(thread, forKey: .thread)
            try container.encode(dueAt, forKey: .dueAt)
            try container.encode(secondsLeft, forKey: .secondsLeft)
            try container.encode(overdue, forKey: .overdue)
            try container.encode(buyerName, forKey: .buyerName)
            try container.encode(buyerAlias, forKey: .buyerAlias)
            try container.encode(orderID, forKey: .orderID)
            try container.encode(marketplace, forKey: .marketplace)
            try container.encode(subject, forKey: .subject)
            try container.encode(waiting, forKey: .waiting)
            try container.encode(lastBuyerWords, forKey: .lastBuyerWords)
        }
    }

    public var version: Int
    public var asOf: Date
    /// How many threads are waiting in all; `threads` lists the first `limit` of them.
    public var totalThreads: Int
    public var overdueThreads: Int
    /// The most threads listed; nil when every waiting thread is listed (`--all`).
    public var limit: Int?
    public var threads: [Item]

    public init(entries: [InboxEntry], asOf: Date) {
        self.init(page: InboxPage(all: entries, asOf: asOf), limit: nil, asOf: asOf)
    }

    public init(page: InboxPage, limit: Int?, asOf: Date) {
        version = Self.currentVersion
        self.asOf = asOf
        totalThreads = page.totalThreads
        overdueThreads = page.overdueThreads
        self.limit = limit
        let entries = page.entries
        threads = entries.map { entry in
            Item(
                thread: entry.thread.id ?? 0, dueAt: entry.dueAt, secondsLeft: entry.secondsLeft(asOf: asOf),
                overdue: entry.secondsLeft(asOf: asOf) < 0, buyerName: entry.thread.buyerName, buyerAlias: entry.thread.buyerAlias,
                orderID: entry.thread.orderID, marketplace: entry.thread.marketplace, subject: entry.thread.subject,
                waiting: entry.waiting.map(\.messageID), lastBuyerWords: entry.lastBuyerWords(limit: 1000))
        }
    }

    enum CodingKeys: String, CodingKey {
        case version, threads, limit
        case asOf = "as_of"
        case totalThreads = "total_threads"
        case overdueThreads = "overdue_threads"
    }

    /// `limit` is written as null under `--all`, so every document has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(totalThreads, forKey: .totalThreads)
        try container.encode(overdueThreads, forKey: .overdueThreads)
        try container.encode(limit, forKey: .limit)
        try container.encode(threads, forKey: .threads)
    }
}
