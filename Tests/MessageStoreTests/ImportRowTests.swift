import Foundation
import GRDB
import MailImport
import MessageStore
import TestSupport
import Testing

/// The importer gives ids itself, writes the rows of the threads a file creates when the file ends,
/// and lets the message INSERT find repeated ids. The store must hold what writing each row when
/// it was met held: the same rows and ids, no thread left over from a duplicate, `sqlite_sequence`
/// in the same order with the same values, and every foreign key satisfied.
@Suite struct ImportRowTests {
    let t0 = at("2026-03-02T09:00:00Z")

    /// `sqlite_sequence` in row order, as `.dump` writes it.
    func sequence(_ database: AppDatabase) throws -> [String] {
        try database.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence ORDER BY rowid").map { "\($0[0] as String)=\($0[1] as Int64)" }
        }
    }

    func ids(_ database: AppDatabase, _ table: String) throws -> [Int64] {
        try database.reader.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id") }
    }

    func foreignKeyViolations(_ database: AppDatabase) throws -> Int {
        try database.reader.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
    }

    @Test func aRepeatedIdUnderANewThreadKeyLeavesNoThread() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(database, [f.make(.buyer, t0, thread: "a", id: "m1")])
        var g = MessageFactory(file: "second.jsonl")
        let summary = try load(
            database,
            [
                g.make(.buyer, t0 + hour, thread: "b", id: "m1"),  // stored id, new key: a duplicate
                g.make(.buyer, t0 + 2 * hour, thread: "c", id: "m2"),
            ], source: "second.jsonl")
        #expect(
            summary
                == ImportSummary(source: "second.jsonl", messagesRead: 2, messagesAdded: 1, duplicates: 1, threadsCreated: 1))
        #expect(try database.threads().map(\.key).sorted() == ["key:a", "key:c"])
        #expect(try ids(database, "thread") == [1, 2])
        #expect(try ids(database, "message") == [1, 2])
        #expect(try sequence(database) == ["thread=2", "message=2"])
        #expect(try foreignKeyViolations(database) == 0)
    }

    @Test func aRepeatedIdWithinOneFileUnderAnotherKeyIsADuplicate() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        let summary = try load(
            database,
            [
                f.make(.buyer, t0, thread: "a", id: "m1"),
                f.make(.buyer, t0 + hour, thread: "b", id: "m1"),
                f.make(.seller, t0 + 2 * hour, thread: "a", id: "m2"),
                f.make(.buyer, t0 + 3 * hour, thread: "c", id: "m3"),
            ])
        #expect(summary == ImportSummary(source: "test.jsonl", messagesRead: 4, messagesAdded: 3, duplicates: 1, threadsCreated: 2))
        let threads = try database.threads()
        #expect(threads.map(\.key).sorted() == ["key:a", "key:c"])
        #expect(try ids(database, "thread") == [1, 2])
        #expect(try ids(database, "message") == [1, 2, 3])
        let a = try #require(threads.first { $0.key == "key:a" })
        #expect(a.firstActivityAt == t0)
        #expect(a.lastActivityAt == t0 + 2 * hour)
        #expect(a.awaitingSince == nil)
    }

    /// An INSERT that finds its id stored still raises `sqlite_sequence` to the id it was given.
    @Test func aFileEndingWithARepeatedIdLeavesTheSequenceAtItsLastMessage() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(database, [f.make(.buyer, t0, thread: "a", id: "m1"), f.make(.seller, t0 + hour, thread: "a", id: "m2")])
        var g = MessageFactory(file: "second.jsonl")
        let second = try load(
            database, [g.make(.buyer, t0 + 2 * hour, thread: "b", id: "m3"), g.make(.buyer, t0 + 3 * hour, thread: "x", id: "m1")],
            source: "second.jsonl")
        #expect(second.duplicates == 1)
        #expect(try sequence(database) == ["thread=2", "message=3"])
        // Nothing but duplicates: the sequence stays where it was.
        var h = MessageFactory(file: "third.jsonl")
        let third = try load(database, [h.make(.buyer, t0 + 4 * hour, thread: "y", id: "m2")], source: "third.jsonl")
        #expect(third == ImportSummary(source: "third.jsonl", messagesRead: 1, duplicates: 1))
        #expect(try sequence(database) == ["thread=2", "message=3"])
        // The next message and thread continue without a gap.
        var i = MessageFactory(file: "fourth.jsonl")
        try load(database, [i.make(.buyer, t0 + 5 * hour, thread: "z", id: "m4")], source: "fourth.jsonl")
        #expect(try ids(database, "message") == [1, 2, 3, 4])
        #expect(try ids(database, "thread") == [1, 2, 3])
        #expect(try sequence(database) == ["thread=3", "message=4"])
    }

    @Test func aFileMixingStoredAndNewThreads() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                f.make(.buyer, t0, thread: "a", id: "a1", body: "where is it"),
                f.make(.buyer, t0 + hour, thread: "b", id: "b1", orderID: "111-1"),
            ])
        var g = MessageFactory(file: "second.jsonl")
        let summary = try load(
            database,
            [
                g.make(.buyer, t0, thread: "a", id: "a1-again", body: "where is it"),  // same content in a stored thread
                g.make(.buyer, t0 + hour, thread: "b", id: "b1"),  // stored id
                g.make(.buyer, t0 + 2 * hour, thread: "c", id: "c1"),  // new thread
                g.make(.seller, t0 + 3 * hour, thread: "a", id: "a2"),  // answers a
                g.make(.buyer, t0 + 4 * hour, thread: "c", id: "c2"),
                g.make(.amazon, t0 + 5 * hour, thread: nil, id: "n1", kind: .returnRequest, orderID: "111-1"),  // joins b
            ], source: "second.jsonl")
        #expect(
            summary
                == ImportSummary(
                    source: "second.jsonl", messagesRead: 6, messagesAdded: 4, duplicates: 2, threadsCreated: 1, threadsUpdated: 2,
                    returnRequestsOpened: 1))
        let threads = Dictionary(uniqueKeysWithValues: try database.threads().map { ($0.key, $0) })
        #expect(threads["key:a"]?.awaitingSince == nil)
        #expect(threads["key:a"]?.lastActivityAt == t0 + 3 * hour)
        #expect(threads["key:b"]?.lastActivityAt == t0 + 5 * hour)
        #expect(threads["key:c"]?.firstActivityAt == t0 + 2 * hour)
        #expect(threads["key:c"]?.awaitingSince == t0 + 2 * hour)
        #expect(try ids(database, "thread") == [1, 2, 3])
        #expect(try ids(database, "message") == [1, 2, 3, 4, 5, 6])
        #expect(try sequence(database) == ["thread=3", "message=6", "returnRequest=1"])
        #expect(try foreignKeyViolations(database) == 0)
    }

    /// A notice with only an order id joins the order's thread with the latest activity as the thread
    /// rows stand: a thread this file created counts with its first message until the file ends.
    @Test func anOrderNoticeSeesTheThreadsThisFileCreatedAsFirstWritten() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory(file: "inbox.mbox")
        let summary = try load(
            database,
            [
                f.make(.buyer, t0, thread: nil, orderID: "111-1", alias: "a"),
                f.make(.buyer, t0 + hour, thread: nil, orderID: "111-1", alias: "b"),
                f.make(.buyer, t0 + 2 * hour, thread: nil, orderID: "111-1", alias: "a"),
                f.make(.amazon, t0 + 3 * hour, thread: nil, subject: "Delivery attempted", kind: .notice, orderID: "111-1"),
                f.make(.buyer, t0 + 4 * hour, thread: nil, orderID: "111-1", alias: "a"),
                f.make(.buyer, t0 + 5 * hour, thread: nil, orderID: "111-2", alias: "c"),
            ], source: "inbox.mbox")
        #expect(summary.threadsCreated == 3)
        let threads = Dictionary(uniqueKeysWithValues: try database.threads().map { ($0.key, $0) })
        #expect(threads["amazon:b:111-1"]?.lastActivityAt == t0 + 3 * hour)
        #expect(threads["amazon:a:111-1"]?.lastActivityAt == t0 + 4 * hour)
        #expect(threads["amazon:c:111-2"]?.id == 3)
        #expect(try sequence(database) == ["thread=3", "message=6"])
        try ImportPropertyTests().expectActivityMatchesMessages(database, "order notice")
    }

    /// Random histories in three files, with repeated ids under other thread keys, copies under
    /// other ids, and notices that name only an order: ids without gaps, the sequence at the last
    /// ids, every thread with a message, the summaries adding up, and a re-import adding nothing.
    @Test(arguments: 1...30)
    func rowsAndIdsAreThoseOfWritingEachRowWhenMet(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let asOf = at("2026-06-30T00:00:00Z")
        var messages: [ImportedMessage] = []
        for index in 0..<Int.random(in: 5...60, using: &random) {
            let time = asOf - Double(Int.random(in: 0...(30 * 24 * 60), using: &random)) * 60
            let order = "o\(Int.random(in: 0..<4, using: &random))"
            let roll = Int.random(in: 0..<10, using: &random)
            let repeated = !messages.isEmpty && roll == 0
            let id = repeated ? messages[Int.random(in: 0..<messages.count, using: &random)].externalID : "s\(seed)-m\(index)"
            let direction: Direction = roll < 5 ? .buyer : roll < 8 ? .seller : .amazon
            let noticeOnly = direction == .amazon && Int.random(in: 0..<2, using: &random) == 0
            messages.append(
                ImportedMessage(
                    externalID: id, direction: direction, sentAt: time, body: "text \(Int.random(in: 0..<5, using: &random))",
                    threadKey: noticeOnly ? nil : "t\(Int.random(in: 0..<12, using: &random))", orderID: order,
                    kind: direction == .amazon && roll == 9 ? .returnRequest : direction == .amazon ? .notice : .message,
                    source: SourcePosition(file: "random.jsonl", line: index + 1)))
        }
        let database = try AppDatabase.inMemory()
        let cuts = [0, messages.count / 3, 2 * messages.count / 3, messages.count]
        var added = 0
        var created = 0
        var opened = 0
        for (start, end) in zip(cuts, cuts.dropFirst()) {
            let summary = try database.importFile(ParsedFile(messages: Array(messages[start..<end])), source: "f.jsonl", strict: false)
            #expect(summary.messagesAdded + summary.duplicates == end - start, "seed \(seed)")
            added += summary.messagesAdded
            created += summary.threadsCreated
            opened += summary.returnRequestsOpened
        }
        let messageIDs = try ids(database, "message")
        let threadIDs = try ids(database, "thread")
        #expect(messageIDs == Array(stride(from: 1, through: Int64(added), by: 1)), "seed \(seed)")
        #expect(threadIDs == Array(stride(from: 1, through: Int64(created), by: 1)), "seed \(seed)")
        let expectedSequence =
            ["thread=\(created)", "message=\(added)"] + (opened > 0 ? ["returnRequest=\(opened)"] : [])
        #expect(try sequence(database) == expectedSequence, "seed \(seed)")
        let empty = try database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM thread WHERE id NOT IN (SELECT threadId FROM message)") ?? -1
        }
        #expect(empty == 0, "seed \(seed)")
        #expect(try foreignKeyViolations(database) == 0, "seed \(seed)")
        try ImportPropertyTests().expectActivityMatchesMessages(database, "seed \(seed)")

        let again = try database.importFile(ParsedFile(messages: messages), source: "all.jsonl", strict: false)
        #expect(again.messagesAdded == 0 && again.duplicates == messages.count, "seed \(seed)")
        #expect(try sequence(database) == expectedSequence, "seed \(seed)")
    }
}
