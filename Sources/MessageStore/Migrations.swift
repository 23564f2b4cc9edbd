import GRDB

extension AppDatabase {
    /// The schema, one named migration per change. Shipped migrations are never edited: add a new one.
    /// Migrations use table and column names as strings, never record types, so they stay valid when
    /// the records change.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1: threads and messages") { db in
            try db.create(table: "thread") { t in
                t.autoIncrementedPrimaryKey("id")
                // How imports find the thread again: "amazon:<marketplace>:<alias>:<order>",
                // "key:<thread>" (JSONL/CSV), "mail:<message-id>" (RFC 5322 threading), "order:<order>".
                t.column("key", .text).notNull().unique()
                t.column("marketplace", .text)
                t.column("orderID", .text).indexed()
                t.column("buyerAlias", .text)
                t.column("buyerName", .text)
                t.column("replyAddress", .text)
                t.column("subject", .text).notNull()
                t.column("firstActivityAt", .datetime).notNull()
                t.column("lastActivityAt", .datetime).notNull()
                // The oldest customer message without a response once every stored event counts;
                // the inbox reads it when `asOf` is after the thread's last activity.
                t.column("awaitingSince", .datetime).indexed()
            }
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("thread", onDelete: .cascade).notNull()
                t.column("externalID", .text).notNull().unique()
                t.column("rfcMessageID", .text).indexed()
                t.column("inReplyTo", .text)
                t.column("referenceIDs", .text).notNull().defaults(to: "[]")
                t.column("direction", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("sentAt", .datetime).notNull().indexed()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("attachments", .text).notNull().defaults(to: "[]")
                t.column("asin", .text)
                t.column("noResponseNeeded", .boolean).notNull().defaults(to: false)
                t.column("noResponseNeededAt", .datetime)
                t.column("isAutoReply", .boolean).notNull().defaults(to: false)
                t.column("sourceFile", .text).notNull()
                t.column("sourceLine", .integer)
                t.column("sourceMessageNumber", .integer)
            }
            try db.create(index: "message_on_thread_sentAt", on: "message", columns: ["threadId", "sentAt"])
        }

        migrator.registerMigration("v2: return requests") { db in
            try db.create(table: "returnRequest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("orderID", .text).notNull().indexed()
                t.column("receivedAt", .datetime).notNull().indexed()
                t.belongsTo("message", onDelete: .setNull)
                t.column("resolvedAt", .datetime)
                t.column("resolution", .text)
            }
        }

        migrator.registerMigration("v3: audit log") { db in
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("action", .text).notNull()
                t.belongsTo("thread", onDelete: .setNull)
                t.belongsTo("message", onDelete: .setNull)
                t.column("reason", .text).notNull()
                t.column("overriddenRules", .text).notNull().defaults(to: "[]")
            }
        }

        migrator.registerMigration("v4: covering clock indexes, no redundant thread index") { db in
            // The (threadId, sentAt, …) index serves every look-up by thread, and the foreign key,
            // so the single-column one only cost each insert one more B-tree.
            try db.drop(index: "message_on_threadId")
            // The inbox reads the customer messages of each waiting thread: with the clock's
            // columns in the index it never reads the table rows of the others.
            try db.drop(index: "message_on_thread_sentAt")
            try db.create(
                index: "message_clock_on_thread_sentAt", on: "message",
                columns: ["threadId", "sentAt", "direction", "kind", "isAutoReply", "noResponseNeeded"])
            // Metrics read every message of a 90-day window, but only the clock's columns: with
            // them in the index the scan never touches the table rows and their bodies.
            try db.drop(index: "message_on_sentAt")
            try db.create(
                index: "message_clock_on_sentAt", on: "message",
                columns: ["sentAt", "threadId", "direction", "kind", "isAutoReply", "noResponseNeeded", "noResponseNeededAt"])
        }

        migrator.registerMigration("v5: threads by last activity") { db in
            // The inbox recomputes the threads with events after its instant (usually none): without
            // this index, finding them scanned every thread (67 ms of 250,373 in the benchmark store).
            try db.create(index: "thread_on_lastActivityAt", on: "thread", columns: ["lastActivityAt"])
        }

        return migrator
    }
}
