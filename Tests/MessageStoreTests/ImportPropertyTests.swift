import Foundation
import MailImport
import MessageStore
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
                result.append(
                    ImportedMessage(
                        externalID: "s\(seed)-t\(thread)-m\(index)", direction: direction, sentAt: time, body: "text \(index)",
                        threadKey: "t\(thread)", noResponseNeeded: Int.random(in: 0..<8, using: &random) == 0,
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
}
