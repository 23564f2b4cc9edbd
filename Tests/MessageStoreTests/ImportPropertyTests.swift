import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

/// Random histories imported in random file splits: the store agrees with the pure functions, and
/// importing again adds nothing.
@Suite struct ImportPropertyTests {
    static func messages(seed: UInt64, asOf: Date) -> [ImportedMessage] {
        var random = SeededGenerator(seed: seed)
        var result: [ImportedMessage] = []
        for thread in 0..<Int.random(in: 1...8, using: &random) {
            var time = asOf - Double(Int.random(in: 0...(100 * 24), using: &random)) * hour
            for index in 0..<Int.random(in: 1...8, using: &random) {
                let roll = Int.random(in: 0..<10, using: &random)
                let direction: Direction = roll < 5 ? .buyer : roll < 9 ? .seller : .amazon
                // Every kind from every sender now and then: metrics sort the roles out in SQL, the
                // pure functions in Swift.
                let kind =
                    Int.random(in: 0..<4, using: &random) == 0 ? MessageKind.allCases.randomElement(using: &random) ?? .message : .message
                result.append(
                    ImportedMessage(
                        externalID: "s\(seed)-t\(thread)-m\(index)", direction: direction, sentAt: time, body: "text \(index)",
                        threadKey: "t\(thread)", orderID: kind == .returnRequest ? "111-0000000-000000\(thread)" : nil, kind: kind,
                        noResponseNeeded: Int.random(in: 0..<8, using: &random) == 0,
                        isAutoReply: Int.random(in: 0..<8, using: &random) == 0,
                        source: SourcePosition(file: "random.jsonl", line: result.count + 1)))
                time += Double(Int.random(in: 0...(50 * 60), using: &random)) * 60
            }
        }
        return result.shuffled(using: &random)
    }

    @Test(arguments: 1...30)
    func storeMatchesThePureFunctionsAndReimportIsIdempotent(seed: Int) throws {
        let asOf = at("2026-06-30T00:00:00Z")
        let messages = Self.messages(seed: UInt64(seed), asOf: asOf)
        let database = try AppDatabase.inMemory()
        // Split into two files at a random point.
        let cut = messages.count / 2
        try load(database, Array(messages[..<cut]), source: "a.jsonl")
        try load(database, Array(messages[cut...]), source: "b.jsonl")
        let report = try database.metrics(asOf: asOf, windows: [7, 30, 90])

        let stored = try database.reader.read { db in try Message.fetchAll(db) }
        let expected = ContactResponseTime.windows([7, 30, 90], events: stored.map(\.clockEvent), asOf: asOf)
        #expect(report.windows == expected, "seed \(seed)")
        let waiting = try database.inbox(asOf: asOf).flatMap { $0.waiting.map(\.messageID) }.sorted()
        let pureWaiting = ResponseClock.clocks(of: stored.map(\.clockEvent), asOf: asOf).filter(\.status.isAwaitingResponse)
            .map(\.messageID).sorted()
        #expect(waiting == pureWaiting, "seed \(seed)")

        let again = try database.importFile(ParsedFile(messages: messages), source: "all.jsonl", strict: false)
        #expect(again.messagesAdded == 0 && again.duplicates == messages.count, "seed \(seed)")
        #expect(try database.metrics(asOf: asOf, windows: [7, 30, 90]) == report, "seed \(seed)")
    }

    /// Histories with what the in-memory activity must get right: several messages at the same
    /// instant (a reply at the same instant answers nothing), instants a fraction of a millisecond
    /// apart (the store keeps milliseconds, so they become simultaneous), duplicates under other
    /// ids, and threads continued by later files.
    static func tiedMessages(seed: UInt64, asOf: Date) -> [ImportedMessage] {
        var random = SeededGenerator(seed: seed)
        var result: [ImportedMessage] = []
        for thread in 0..<Int.random(in: 1...6, using: &random) {
            var time = asOf - Double(Int.random(in: 0...(40 * 24), using: &random)) * hour
            for index in 0..<Int.random(in: 1...10, using: &random) {
                let roll = Int.random(in: 0..<10, using: &random)
                let direction: Direction = roll < 5 ? .buyer : roll < 9 ? .seller : .amazon
                let body = Int.random(in: 0..<6, using: &random) == 0 ? "same words" : "text \(index)"
                result.append(
                    ImportedMessage(
                        externalID: "s\(seed)-t\(thread)-m\(index)", direction: direction, sentAt: time, body: body,
                        threadKey: "t\(thread)", noResponseNeeded: Int.random(in: 0..<8, using: &random) == 0,
                        isAutoReply: Int.random(in: 0..<8, using: &random) == 0,
                        source: SourcePosition(file: "tied.jsonl", line: result.count + 1)))
                switch Int.random(in: 0..<4, using: &random) {
                case 0: break  // the same instant
                case 1: time += Double(Int.random(in: 1...900, using: &random)) / 1_000_000  // under a millisecond
                default: time += Double(Int.random(in: 0...(30 * 60), using: &random)) * 60
                }
            }
        }
        return result.shuffled(using: &random)
    }

    @Test(arguments: 1...40)
    func threadActivityFromMemoryEqualsARecomputationFromTheMessages(seed: Int) throws {
        let asOf = at("2026-06-30T00:00:00Z")
        let messages = Self.tiedMessages(seed: UInt64(seed), asOf: asOf)
        let database = try AppDatabase.inMemory()
        let first = messages.count / 3
        let second = 2 * messages.count / 3
        _ = try database.importFile(ParsedFile(messages: Array(messages[..<first])), source: "a.jsonl", strict: false)
        try expectActivityMatchesMessages(database, "seed \(seed), file a")
        _ = try database.importFile(ParsedFile(messages: Array(messages[first..<second])), source: "b.jsonl", strict: false)
        try expectActivityMatchesMessages(database, "seed \(seed), file b")
        // A copy of a message under another id: a duplicate by content, within one new file.
        var copies = Array(messages[second...])
        if let original = copies.first {
            copies.append(
                ImportedMessage(
                    externalID: original.externalID + "-copy", direction: original.direction, sentAt: original.sentAt,
                    body: original.body, threadKey: original.threadKey, noResponseNeeded: original.noResponseNeeded,
                    isAutoReply: original.isAutoReply, source: SourcePosition(file: "c.jsonl", line: copies.count + 1)))
        }
        let third = try database.importFile(ParsedFile(messages: copies), source: "c.jsonl", strict: false)
        #expect(third.duplicates >= (copies.isEmpty ? 0 : 1), "seed \(seed)")
        let stored = try database.reader.read { db in try Message.fetchAll(db) }
        #expect(!stored.contains { $0.externalID.hasSuffix("-copy") }, "seed \(seed)")
        try expectActivityMatchesMessages(database, "seed \(seed), file c")

        // Marks rely on the same summary.
        let customer = try database.reader.read { db in try Message.fetchAll(db) }.filter(\.isCustomerMessage)
        if let target = customer.first?.id {
            _ = try database.markNoResponseNeeded(.message(target), at: asOf)
            try expectActivityMatchesMessages(database, "seed \(seed), after a mark")
        }
        // The inbox's last buyer message is the thread's latest buyer message.
        for inboxAsOf in [asOf + day, asOf - 5 * day] {
            try expectLastBuyerMessages(database, asOf: inboxAsOf, "seed \(seed)")
        }
    }

    /// Each inbox entry's last buyer message is the thread's latest buyer message by `asOf`.
    func expectLastBuyerMessages(_ database: AppDatabase, asOf: Date, _ comment: Comment) throws {
        let messages = try database.reader.read { db in try Message.fetchAll(db) }
        for entry in try database.inbox(asOf: asOf) {
            let latest =
                messages
                .filter {
                    $0.threadId == entry.thread.id && $0.sentAt <= asOf && $0.direction == .buyer && $0.kind == .message && !$0.isAutoReply
                }
                .max { ($0.sentAt, $0.id ?? 0) < ($1.sentAt, $1.id ?? 0) }
            #expect(entry.lastBuyerMessage == latest, comment)
        }
    }

    /// Every thread's stored first and last activity and `awaitingSince` equal what its messages say.
    func expectActivityMatchesMessages(_ database: AppDatabase, _ comment: Comment) throws {
        let (threads, messages) = try database.reader.read { db in (try MessageThread.fetchAll(db), try Message.fetchAll(db)) }
        for thread in threads {
            let own = messages.filter { $0.threadId == thread.id }
            let clocks = ResponseClock.clocks(of: own.map(\.clockEvent), asOf: .distantFuture)
            let last = (own.map(\.sentAt) + own.compactMap(\.noResponseNeededAt)).max()
            #expect(thread.firstActivityAt == own.map(\.sentAt).min(), comment)
            #expect(thread.lastActivityAt == last, comment)
            #expect(thread.awaitingSince == clocks.first { $0.status.isAwaitingResponse }?.receivedAt, comment)
        }
    }
}
