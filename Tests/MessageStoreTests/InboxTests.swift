import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

/// `AppDatabase.inbox(asOf:)`: threads with unanswered customer messages, most urgent first.
@Suite struct InboxTests {
    let t0 = at("2026-03-02T09:00:00Z")

    func store() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                // a: answered; b: burst of two, the first 30 h old; c: 3 h old; d: marked; e: seller-initiated only.
                f.make(.buyer, t0, thread: "a"), f.make(.seller, t0 + hour, thread: "a"),
                f.make(.buyer, t0 + 2 * hour, thread: "b", body: "Where is\n  my parcel?", orderID: "111-2", buyerName: "Sam"),
                f.make(.buyer, t0 + 20 * hour, thread: "b", body: "Hello??   Anyone?"),
                f.make(.buyer, t0 + 29 * hour, thread: "c"),
                f.make(.buyer, t0 + 3 * hour, thread: "d", noResponseNeeded: true),
                f.make(.seller, t0 + 4 * hour, thread: "e"),
                f.make(.seller, t0 + 5 * hour, thread: "b", autoReply: true),
            ])
        return database
    }

    @Test func listsWaitingThreadsMostUrgentFirst() throws {
        let database = try store()
        let asOf = t0 + 32 * hour
        let inbox = try database.inbox(asOf: asOf)
        #expect(inbox.map(\.thread.key) == ["key:b", "key:c"])
        let b = inbox[0]
        #expect(b.waiting.map(\.receivedAt) == [t0 + 2 * hour, t0 + 20 * hour])
        #expect(b.dueAt == t0 + 26 * hour)
        #expect(b.secondsLeft(asOf: asOf) == -6 * hour)
        #expect(b.lastBuyerWords() == "Hello?? Anyone?")
        #expect(b.thread.buyerLabel == "Sam")
        #expect(inbox[1].secondsLeft(asOf: asOf) == 21 * hour)
    }

    @Test func asOfInThePastSeesOnlyWhatHadHappened() throws {
        let database = try store()
        // Before the seller answered thread a, and before c's message arrived.
        let inbox = try database.inbox(asOf: t0 + 30 * 60)
        #expect(inbox.map(\.thread.key) == ["key:a"])
        #expect(try database.inbox(asOf: t0 - 1).isEmpty)
    }

    @Test func aReplyEmptiesTheThreadAndANewBuyerMessageBringsItBack() throws {
        let database = try store()
        var f = MessageFactory(file: "more.jsonl")
        try load(database, [f.make(.seller, t0 + 33 * hour, thread: "b")], source: "more.jsonl")
        #expect(try database.inbox(asOf: t0 + 34 * hour).map(\.thread.key) == ["key:c"])
        try load(database, [f.make(.buyer, t0 + 35 * hour, thread: "b")], source: "more.jsonl")
        let inbox = try database.inbox(asOf: t0 + 36 * hour)
        #expect(inbox.map(\.thread.key) == ["key:c", "key:b"])
        #expect(inbox[1].waiting.map(\.receivedAt) == [t0 + 35 * hour])
    }

    @Test func jsonReport() throws {
        let database = try store()
        let asOf = t0 + 32 * hour
        let report = InboxReport(entries: try database.inbox(asOf: asOf), asOf: asOf)
        let json = try StoreJSON.encode(report)
        #expect(json.contains(#""as_of" : "2026-03-03T17:00:00Z""#))
        #expect(json.contains(#""due_at" : "2026-03-03T11:00:00Z""#))
        #expect(json.contains(#""seconds_left" : -21600"#))
        #expect(json.contains(#""last_buyer_words" : "Hello?? Anyone?""#))
        #expect(json.contains(#""order_id" : "111-2""#))
        #expect(json.contains(#""buyer_alias" : null"#))
        #expect(report.threads.map(\.overdue) == [true, false])
    }

    /// The single-pass `lastBuyerWords` equals split, join, count and cut, on random texts with
    /// mixed white space, combining marks, CRLF, emoji and several scripts, at every small limit.
    @Test(arguments: 1...20)
    func lastBuyerWordsEqualsSplitJoinAndCut(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let pieces = ["a", "Zoë", "e\u{301}", "日本", "😀", "👍🏽", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2003}", "ok.", "—"]
        let t0 = at("2026-03-02T09:00:00Z")
        for _ in 0..<50 {
            let body = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let entry = InboxEntry(
                thread: MessageThread(id: 1, key: "t", subject: "", firstActivityAt: t0, lastActivityAt: t0), waiting: [],
                lastBuyerMessage: Message(
                    id: 1, threadId: 1, externalID: "m", direction: .buyer, sentAt: t0, body: body,
                    source: SourcePosition(file: "f")))
            for limit in 1...12 {
                let words = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let expected = words.count <= limit ? words : String(words.prefix(limit - 1)) + "…"
                #expect(entry.lastBuyerWords(limit: limit) == expected, "\(body.debugDescription) limit \(limit)")
            }
        }
    }
}
