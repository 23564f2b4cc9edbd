import Foundation
import GRDB
import MailImport
import MessageStore
import Testing

/// `AppDatabase.importFile`: threading, de-duplication, one transaction per file, strict rollback.
@Suite struct ImportTests {
    let t0 = at("2026-03-02T09:00:00Z")

    func counts(_ database: AppDatabase) throws -> (threads: Int, messages: Int, returns: Int) {
        try database.reader.read { db in
            (try MessageThread.fetchCount(db), try Message.fetchCount(db), try ReturnRequest.fetchCount(db))
        }
    }

    @Test func explicitThreadKeysGroupMessagesAndTheSummaryCountsThem() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        let summary = try load(
            database,
            [
                f.make(.buyer, t0, thread: "a", subject: "Where is my order?", orderID: "111-0000000-0000001"),
                f.make(.seller, t0 + hour, thread: "a", subject: "Re: Where is my order?"),
                f.make(.buyer, t0 + 2 * hour, thread: "b", subject: "Size question"),
            ])
        #expect(summary == ImportSummary(source: "test.jsonl", messagesRead: 3, messagesAdded: 3, threadsCreated: 2))
        let threads = try database.threads()
        #expect(threads.map(\.key) == ["key:b", "key:a"])
        #expect(threads.map(\.subject) == ["Size question", "Where is my order?"])
        #expect(threads[1].orderID == "111-0000000-0000001")
        #expect(threads[1].firstActivityAt == t0)
        #expect(threads[1].lastActivityAt == t0 + hour)
        #expect(threads[1].awaitingSince == nil)
        #expect(threads[0].awaitingSince == t0 + 2 * hour)
    }

    @Test func amazonMailThreadsOnAliasAndOrderAndPreSaleOnAliasAlone() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory(file: "inbox.mbox")
        let relay = "qw2smy2gutcr61k+133a066e@marketplace.amazon.com"
        try load(
            database,
            [
                f.make(
                    .buyer, t0, thread: nil, subject: "Product details inquiry", alias: "QW2SMY2GUTCR61K", replyAddress: relay,
                    buyerName: "Sam"),
                f.make(
                    .buyer, t0 + day, thread: nil, subject: "Order delivery inquiry", orderID: "111-1", alias: "qw2smy2gutcr61k",
                    replyAddress: relay),
                f.make(
                    .seller, t0 + day + hour, thread: nil, subject: "Re: Order delivery inquiry", orderID: "111-1", alias: "qw2smy2gutcr61k"
                ),
                f.make(.buyer, t0 + 2 * day, thread: nil, orderID: "111-2", alias: "qw2smy2gutcr61k"),
            ], source: "inbox.mbox")
        let keys = try database.threads().map(\.key).sorted()
        #expect(keys == ["amazon:qw2smy2gutcr61k", "amazon:qw2smy2gutcr61k:111-1", "amazon:qw2smy2gutcr61k:111-2"])
        let preSale = try #require(try database.threads().first { $0.key == "amazon:qw2smy2gutcr61k" })
        #expect(preSale.buyerName == "Sam")
        #expect(preSale.replyAddress == relay)
        #expect(preSale.buyerAlias == "qw2smy2gutcr61k")
    }

    @Test func otherMailThreadsByInReplyToAndReferencesInAnyFileOrder() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory(file: "mail.mbox")
        // The reply is listed before the message it answers; import sorts by time.
        let reply = f.make(
            .seller, t0 + hour, thread: nil, id: "<b@shop>", messageID: "<b@shop>", inReplyTo: "<a@buyer>", references: ["<a@buyer>"])
        let original = f.make(.buyer, t0, thread: nil, id: "<a@buyer>", messageID: "<a@buyer>")
        let later = f.make(
            .buyer, t0 + 2 * hour, thread: nil, id: "<c@buyer>", messageID: "<c@buyer>", references: ["<a@buyer>", "<b@shop>"])
        let unrelated = f.make(.buyer, t0 + 3 * hour, thread: nil, id: "<d@other>", messageID: "<d@other>")
        try load(database, [reply, original, later, unrelated], source: "mail.mbox")
        let threads = try database.threads()
        #expect(threads.map(\.key).sorted() == ["mail:a@buyer", "mail:d@other"])
        let first = try #require(threads.first { $0.key == "mail:a@buyer" }?.id)
        let conversation = try database.conversation(threadID: first, asOf: t0 + day)
        #expect(conversation.messages.map(\.rfcMessageID) == ["a@buyer", "b@shop", "c@buyer"])
        #expect(conversation.messages[1].inReplyTo == "a@buyer")
    }

    @Test func anAmazonNoticeJoinsTheLatestThreadOfItsOrderAndOpensAReturnClock() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                f.make(.buyer, t0, thread: nil, orderID: "112-7446790-9716267", alias: "abc"),
                f.make(
                    .amazon, t0 + hour, thread: nil, subject: "Return authorization request for order # 112-7446790-9716267",
                    kind: .returnRequest, orderID: "112-7446790-9716267"),
                f.make(
                    .amazon, t0 + hour, thread: nil, subject: "Return authorization request for order # 113-1", kind: .returnRequest,
                    orderID: "113-1"),
            ])
        #expect(try database.threads().map(\.key).sorted() == ["amazon:abc:112-7446790-9716267", "order:113-1"])
        let requests = try database.returnRequests(orderID: "112-7446790-9716267")
        #expect(requests.map(\.receivedAt) == [t0 + hour])
        #expect(requests.map(\.resolvedAt) == [nil])
    }

    @Test func reimportingTheSameDataAddsNothing() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        let messages = [
            f.make(.buyer, t0, body: "Hello"), f.make(.seller, t0 + hour, body: "Hi"),
            f.make(.amazon, t0 + 2 * hour, thread: nil, kind: .returnRequest, orderID: "1"),
        ]
        let first = try load(database, messages)
        #expect(first.messagesAdded == 3)
        let before = try counts(database)
        let second = try load(database, messages)
        #expect(second == ImportSummary(source: "test.jsonl", messagesRead: 3, duplicates: 3))
        #expect(try counts(database) == before)
        #expect(before == (threads: 2, messages: 3, returns: 1))
    }

    @Test func theSameMessageUnderAnotherIdOrMessageIDIsADuplicate() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(database, [f.make(.buyer, t0, id: "export-1", body: "Where is it?", messageID: "<m1@x>")])
        var g = MessageFactory(file: "other.jsonl")
        let summary = try load(
            database,
            [
                g.make(.buyer, t0, id: "export-2", body: "Where is it?"),  // same thread, sender, instant, text
                g.make(.buyer, t0 + hour, id: "mbox-7", body: "different text", messageID: "m1@x"),  // same Message-ID
                g.make(.buyer, t0, id: "export-3", body: "Where is it? (edited)"),  // different text: new
            ], source: "other.jsonl")
        #expect(summary.duplicates == 2)
        #expect(summary.messagesAdded == 1)
    }

    @Test func issuesAreReportedInFileOrderAndTheRestIsImported() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        let good = f.make(.buyer, t0)
        let noID = f.make(.buyer, t0 + hour, id: " ")
        let returnWithoutOrder = f.make(.amazon, t0 + 2 * hour, kind: .returnRequest)
        let parserIssue = ImportIssue(position: SourcePosition(file: "test.jsonl", line: 2), message: "line 2: 'at' is not a date")
        let summary = try database.importFile(
            ParsedFile(messages: [good, noID, returnWithoutOrder], issues: [parserIssue]), source: "test.jsonl", strict: false)
        #expect(summary.messagesAdded == 1)
        #expect(summary.rolledBack == false)
        #expect(
            summary.issues.map(\.description) == [
                "test.jsonl:2: line 2: 'at' is not a date",
                "test.jsonl:2: the message has no id",
                "test.jsonl:3: a return request without an order id cannot start the 48-hour clock",
            ])
        #expect(summary.skipped == 3)
        #expect(try counts(database).messages == 1)
    }

    @Test func strictRollsTheWholeFileBack() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(database, [f.make(.buyer, t0)])
        let before = try counts(database)
        var g = MessageFactory(file: "bad.jsonl")
        let messages = [g.make(.buyer, t0 + hour, thread: "new"), g.make(.seller, t0 + 2 * hour)]
        let issue = ImportIssue(position: SourcePosition(file: "bad.jsonl", line: 3), message: "unknown sender 'robot'")
        let summary = try database.importFile(ParsedFile(messages: messages, issues: [issue]), source: "bad.jsonl", strict: true)
        #expect(summary.rolledBack)
        #expect(summary.messagesAdded == 0)
        #expect(summary.threadsCreated == 0)
        #expect(summary.issues == [issue])
        #expect(try counts(database) == before)
        #expect(try database.threads().map(\.lastActivityAt) == [t0])
        // Without strict the same file imports its good records.
        let lenient = try database.importFile(ParsedFile(messages: messages, issues: [issue]), source: "bad.jsonl", strict: false)
        #expect(lenient.messagesAdded == 2)
    }

    @Test func aFailedImportLeavesTheStoreAsItWas() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        let database = try AppDatabase(queue)
        var f = MessageFactory()
        try load(database, [f.make(.buyer, t0, body: "first")])
        // Make the database refuse one message halfway through the next file, as a crash or a full
        // disk would.
        try queue.write { db in
            try db.execute(
                sql: "CREATE TRIGGER refuse BEFORE INSERT ON message WHEN NEW.body = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        }
        var g = MessageFactory(file: "second.jsonl")
        let messages = [
            g.make(.buyer, t0 + hour, thread: "x"), g.make(.seller, t0 + 2 * hour), g.make(.buyer, t0 + 3 * hour, body: "boom"),
        ]
        #expect(throws: DatabaseError.self) {
            try database.importFile(ParsedFile(messages: messages), source: "second.jsonl", strict: false)
        }
        #expect(try counts(database) == (threads: 1, messages: 1, returns: 0))
        #expect(try database.threads().map(\.lastActivityAt) == [t0])
    }

    @Test func attachmentsAndSourcePositionsAreKept() throws {
        let database = try AppDatabase.inMemory()
        let message = ImportedMessage(
            externalID: "m1", direction: .buyer, sentAt: t0, subject: "Photo", body: "See attached",
            attachments: [ImportedAttachment(name: "crack.jpg", bytes: 48_213)], threadKey: "t", kind: .message,
            source: SourcePosition(file: "box.mbox", messageNumber: 7))
        try load(database, [message])
        let stored = try #require(try database.message(id: 1))
        #expect(stored.attachments == [ImportedAttachment(name: "crack.jpg", bytes: 48_213)])
        // The stored text has its keys sorted, as GRDB's records write JSON, so it is the same every time.
        let text = try database.reader.read { db in try String.fetchOne(db, sql: "SELECT attachments FROM message WHERE id = 1") }
        #expect(text == #"[{"bytes":48213,"name":"crack.jpg"}]"#)
        #expect(stored.source == SourcePosition(file: "box.mbox", messageNumber: 7))
        #expect(stored.direction == .buyer)
        #expect(stored.kind == .message)
        #expect(stored.sentAt == t0)
    }
}
