import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

/// `inbox(asOf:limit:)`: the page is the first `limit` threads of the full inbox, in the same order,
/// and its counts are those of the full inbox, over random histories, marks and instants.
@Suite struct InboxPageTests {
    /// Several random histories in one store, each with its own threads, so there are tens of
    /// waiting threads with equal and different due times.
    static func history(seed: Int, asOf: Date) -> [ImportedMessage] {
        (0..<6).flatMap { part in
            let seed = UInt64(seed * 10 + part)
            let messages =
                part.isMultiple(of: 2)
                ? ImportPropertyTests.messages(seed: seed, asOf: asOf) : ImportPropertyTests.tiedMessages(seed: seed, asOf: asOf)
            return messages.map { message in
                var message = message
                message.externalID = "p\(part)-" + message.externalID
                message.threadKey = message.threadKey.map { "p\(part)-" + $0 }
                return message
            }
        }
    }

    @Test(arguments: 1...25)
    func aPageIsThePrefixOfTheFullInbox(seed: Int) throws {
        let asOf = at("2026-06-30T00:00:00Z")
        var random = SeededGenerator(seed: UInt64(seed))
        let messages = Self.history(seed: seed, asOf: asOf)
        let database = try AppDatabase.inMemory()
        let cut = messages.count / 2
        try load(database, Array(messages[..<cut]), source: "a.jsonl")
        try load(database, Array(messages[cut...]), source: "b.jsonl")
        // A mark makes a thread's activity end later than its last message.
        if let target = try database.inbox(asOf: asOf).first?.waiting.first?.messageID {
            _ = try database.markNoResponseNeeded(.message(target), at: asOf - Double(Int.random(in: 0...48, using: &random)) * hour)
        }
        // Now, in the past (threads with later events are recomputed), a day on, and between.
        let instants = [
            asOf, asOf + day, asOf - 5 * day, asOf - 30 * day,
            asOf - Double(Int.random(in: 0...(100 * 24 * 60), using: &random)) * 60 + 0.0004,
        ]
        for instant in instants {
            let full = try database.inbox(asOf: instant)
            let overdue = full.count { $0.secondsLeft(asOf: instant) < 0 }
            for limit in Set([0, 1, 2, 3, 5, 8, full.count / 2, full.count - 1, full.count, full.count + 1]) where limit >= 0 {
                let page = try database.inbox(asOf: instant, limit: limit)
                let comment: Comment = "seed \(seed), as of \(instant), limit \(limit)"
                #expect(page.entries == Array(full.prefix(limit)), comment)
                #expect(page.totalThreads == full.count, comment)
                #expect(page.overdueThreads == overdue, comment)
                #expect(page.isComplete == (limit >= full.count), comment)
            }
            #expect(try database.inbox(asOf: instant, limit: nil) == InboxPage(all: full, asOf: instant))
        }
    }

    /// The overdue count is exact at the due instant: a thread due exactly at `asOf` is not overdue yet,
    /// one due a millisecond earlier is.
    @Test func overdueCountAtTheDueInstant() throws {
        let t0 = at("2026-03-02T09:00:00Z")
        var f = MessageFactory()
        let database = try AppDatabase.inMemory()
        try load(database, [f.make(.buyer, t0, thread: "a"), f.make(.buyer, t0 + 0.001, thread: "b")])
        for (asOf, overdue) in [(t0 + day, 0), (t0 + day + 0.0005, 1), (t0 + day + 0.001, 1), (t0 + day + 0.0011, 2)] {
            let page = try database.inbox(asOf: asOf, limit: 1)
            #expect(page.totalThreads == 2 && page.entries.count == 1)
            #expect(page.overdueThreads == overdue, "as of \(asOf)")
            #expect(page.overdueThreads == (try database.inbox(asOf: asOf)).count { $0.secondsLeft(asOf: asOf) < 0 })
        }
    }
}
