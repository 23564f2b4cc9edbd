import Foundation
import GRDB
import MailImport
import Testing

@testable import MessageStore

/// A store written before migration v4, with dates in GRDB's own encoding, opens, migrates and
/// gives the same answers as a store imported from scratch.
@Suite struct MigrationTests {
    @Test func aV3StoreMigratesAndReadsTheSame() throws {
        let asOf = at("2026-06-30T00:00:00Z")
        let messages = ImportPropertyTests.tiedMessages(seed: 7, asOf: asOf)

        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(queue, upTo: "v3: audit log")
        // GRDB's records, as the code before v4 wrote them.
        try queue.write { db in
            var threads: [String: Int64] = [:]
            for message in messages.sorted(by: { $0.sentAt < $1.sentAt }) {
                let key = ThreadKey.explicit(message.threadKey ?? "none")
                if threads[key] == nil {
                    var thread = MessageThread(key: key, subject: "", firstActivityAt: message.sentAt, lastActivityAt: message.sentAt)
                    try thread.insert(db)
                    threads[key] = thread.id
                }
                guard let threadID = threads[key] else { continue }
                var stored = Message(
                    threadId: threadID, externalID: message.externalID, direction: message.direction, sentAt: message.sentAt,
                    body: message.body, noResponseNeeded: message.noResponseNeeded, isAutoReply: message.isAutoReply,
                    source: message.source)
                try stored.insert(db)
            }
            for id in threads.values { try MessageThread.refreshActivity(db, id: id) }
        }
        let migrated = try AppDatabase(queue)
        let fresh = try AppDatabase.inMemory()
        _ = try fresh.importFile(ParsedFile(messages: messages), source: "tied.jsonl", strict: false)

        #expect(try migrated.metrics(asOf: asOf).windows == fresh.metrics(asOf: asOf).windows)
        let migratedInbox = try migrated.inbox(asOf: asOf).map { ($0.thread.key, $0.waiting.map(\.receivedAt)) }
        let freshInbox = try fresh.inbox(asOf: asOf).map { ($0.thread.key, $0.waiting.map(\.receivedAt)) }
        #expect(migratedInbox.map(\.0) == freshInbox.map(\.0))
        #expect(migratedInbox.map(\.1) == freshInbox.map(\.1))
        // Importing the same data again into the migrated store adds nothing.
        let again = try migrated.importFile(ParsedFile(messages: messages), source: "tied.jsonl", strict: false)
        #expect(again.messagesAdded == 0)
    }
}
