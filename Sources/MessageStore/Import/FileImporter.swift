import Foundation
import GRDB
import MailImport

/// Adds one parsed file's messages to the store inside the caller's transaction: threads them,
/// drops duplicates, opens return clocks, and writes the threads it touched at the end.
///
/// It runs once per message, up to millions of times per file, so its statements are prepared once
/// per file and bound by hand (``ImportStatements``), dates are ``StoredDate`` text, and what it
/// can keep in memory stays there:
/// - The threads this file creates get their activity from memory (``ThreadActivity``), and their
///   rows are written once, by ``finish()``, with their final values. Until then the messages refer
///   to ids the importer gives the way AUTOINCREMENT would, and SQLite checks that foreign key at
///   commit (`PRAGMA defer_foreign_keys`). Writing each row when the thread was met and updating it
///   at the end cost two writes per thread, each with its index entries.
/// - A repeated id is found by the message INSERT itself (`ON CONFLICT (externalID) DO NOTHING`),
///   which searches the unique index anyway. The id is looked up first only when the store is about
///   to be searched for the message's thread (one this file has not met yet), and the store held
///   messages: that is how a re-import finds each of its messages with one look-up, as before.
struct FileImporter {
    let db: Database
    private(set) var summary: ImportSummary
    private let statements: ImportStatements
    /// Threads touched by this file, by id.
    private var touched: [Int64: TouchedThread] = [:]
    /// Thread ids by key, for the threads this file already met.
    private var threadIDs: [String: Int64] = [:]
    /// Whether the store held a thread when this file began; if not, a key the file has not met names
    /// a new thread, without a look-up.
    private let storeHadThreads: Bool
    /// Whether the store held a message when this file began; if not, only the file's own messages
    /// can repeat an id, and the message INSERT finds those.
    private let storeHadMessages: Bool
    /// The id the next thread this file creates gets.
    private var nextThreadID: Int64
    /// The threads created with ids from here to `nextThreadID` have no row yet.
    private var firstUnwrittenThreadID: Int64
    /// The id the next message gets.
    private var nextMessageID: Int64
    /// The id of this file's first message.
    private let firstMessageID: Int64
    /// The message row of `sqlite_sequence` when this file began (nil: there was none).
    private let messageSequence: Int64?
    /// Whether an INSERT that found its id stored already moved `sqlite_sequence` (it still raises it
    /// to the id it was given).
    private var sequenceMoved = false
    /// Whether `sqlite_sequence` has a thread row.
    private var hasThreadSequence: Bool

    init(db: Database, source: String) throws {
        self.db = db
        self.summary = ImportSummary(source: source)
        self.statements = try ImportStatements(db)
        // AUTOINCREMENT's rule: one more than the largest id the table ever held, which is the larger
        // of its sqlite_sequence row and its largest id.
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'message'), (SELECT MAX(id) FROM message),
                    (SELECT seq FROM sqlite_sequence WHERE name = 'thread'), (SELECT MAX(id) FROM thread),
                    EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'thread')
                """)
        guard let row else { throw StoreError.internalInconsistency("the store's largest ids cannot be read") }
        let messageSequence: Int64? = row[0]
        let lastMessageID: Int64? = row[1]
        let threadSequence: Int64? = row[2]
        let lastThreadID: Int64? = row[3]
        self.messageSequence = messageSequence
        self.nextMessageID = max(messageSequence ?? 0, lastMessageID ?? 0) + 1
        self.firstMessageID = nextMessageID
        self.nextThreadID = max(threadSequence ?? 0, lastThreadID ?? 0) + 1
        self.firstUnwrittenThreadID = nextThreadID
        self.storeHadThreads = lastThreadID != nil
        self.storeHadMessages = lastMessageID != nil
        self.hasThreadSequence = row[4]
        // Messages refer to threads whose rows finish() writes; checked at commit (the setting ends
        // with the transaction).
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
    }

    /// Imports the messages in order of time (stable: file order among equal times), so a reply
    /// finds the message it answers even when the file lists it first. Exports usually are in order
    /// already; otherwise only the indices are sorted, not copies of the messages.
    mutating func add(_ messages: [ImportedMessage]) throws {
        summary.messagesRead += messages.count
        let inOrder = zip(messages, messages.dropFirst()).allSatisfy { $0.sentAt <= $1.sentAt }
        if inOrder {
            // By index: `for message in messages` copied each message (a retain per field).
            for index in messages.indices { try add(messages[index]) }
            return
        }
        let order = messages.indices.sorted {
            messages[$0].sentAt != messages[$1].sentAt ? messages[$0].sentAt < messages[$1].sentAt : $0 < $1
        }
        for index in order { try add(messages[index]) }
    }

    /// One message of a file read in order of time, as `add(_:)` with an in-order file would.
    mutating func addNext(_ message: ImportedMessage) throws {
        summary.messagesRead += 1
        try add(message)
    }

    mutating func add(_ message: ImportedMessage) throws {
        guard let externalID = message.externalID.nonBlank else {
            summary.issues.append(ImportIssue(position: message.source, message: "the message has no id"))
            return
        }
        if message.kind == .returnRequest, message.orderID?.nonBlank == nil {
            summary.issues.append(
                ImportIssue(position: message.source, message: "a return request without an order id cannot start the 48-hour clock"))
            return
        }
        let rfcMessageID = ThreadKey.normalizedMessageID(message.messageID)
        // Duplicates: by id, by Message-ID, or by content in the same thread. A message whose thread
        // this file already met is looked up at most by content (and by Message-ID if it has one):
        // the message INSERT finds a repeated id. Before the store is searched for the thread, the
        // id is looked up first, so a re-import finds each message with one look-up.
        let directKey = Self.directKey(message)
        let match: ThreadMatch
        let idChecked: Bool
        if let directKey, let id = threadIDs[directKey] {
            match = .touched(id)
            idChecked = false
        } else {
            if storeHadMessages, try isKnown(externalID: externalID, rfcMessageID: rfcMessageID) {
                summary.duplicates += 1
                return
            }
            idChecked = storeHadMessages
            match = try thread(for: message, directKey: directKey)
        }
        let sentAt = StoredDate.text(message.sentAt)
        // The instant as stored: two messages in the same millisecond are simultaneous for the store.
        let storedInstant = StoredDate.date(text: sentAt)
        let instant = storedInstant ?? message.sentAt

        let threadID: Int64
        switch match {
        case .touched(let id) where touched[id]?.isCreated == true:
            // A thread this file created holds only this file's messages: the store is asked for a
            // copy only when one of them has the same instant and sender.
            if try !idChecked && isKnown(messageID: rfcMessageID)
                || touched[id]?.latest?.mayHold(storedInstant, message.direction) != false
                    && isKnownContent(message, sentAt: sentAt, thread: id)
            {
                summary.duplicates += 1
                return
            }
            threadID = id
        case .touched(let id):
            if try !idChecked && isKnown(externalID: externalID, rfcMessageID: rfcMessageID)
                || isKnownContent(message, sentAt: sentAt, thread: id)
            {
                summary.duplicates += 1
                return
            }
            threadID = id
        case .stored(let thread):
            guard let id = thread.id else { throw StoreError.internalInconsistency("a stored thread has no id") }
            if try !idChecked && isKnown(externalID: externalID, rfcMessageID: rfcMessageID)
                || isKnownContent(message, sentAt: sentAt, thread: id)
            {
                summary.duplicates += 1
                return
            }
            threadID = id
        case .new:
            if try !idChecked && isKnown(messageID: rfcMessageID) {
                summary.duplicates += 1
                return
            }
            threadID = nextThreadID
            // sqlite_sequence gets its rows in the order the tables first receive one, and the thread
            // row would otherwise come after the message row. (A new thread's message is never a
            // repeated id here: that id's message would have a thread, so the row would exist.)
            if !hasThreadSequence {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('thread', 0)")
                hasThreadSequence = true
            }
        }

        let messageRowID = nextMessageID
        guard try insert(message, id: messageRowID, externalID: externalID, rfcMessageID: rfcMessageID, thread: threadID, sentAt: sentAt)
        else {
            sequenceMoved = true
            summary.duplicates += 1
            return
        }
        nextMessageID += 1
        summary.messagesAdded += 1

        let event = ClockEvent(
            messageID: messageRowID, threadID: threadID,
            role: ClockEvent.Role(direction: message.direction, kind: message.kind, isAutoReply: message.isAutoReply),
            sentAt: instant, noResponseNeeded: message.noResponseNeeded)
        switch match {
        case .touched(let id):
            touched[id]?.add(message, event: event, storedInstant: storedInstant)
        case .stored(var thread):
            thread.merge(message)
            threadIDs[thread.key] = threadID
            touched[threadID] = TouchedThread(thread: thread)
        case .new(var thread):
            thread.id = threadID
            let createdOrderID = thread.orderID
            thread.merge(message)
            threadIDs[thread.key] = threadID
            touched[threadID] = TouchedThread(
                thread: thread, activity: ThreadActivity(first: event), createdOrderID: createdOrderID,
                latest: LatestSenders(storedInstant, message.direction))
            nextThreadID += 1
            summary.threadsCreated += 1
        }

        if message.kind == .returnRequest, let orderID = message.orderID?.nonBlank {
            let insert = statements.insertReturnRequest
            insert.reset()
            try insert.bind(orderID, at: 1)
            try insert.bind(sentAt, at: 2)
            try insert.bind(messageRowID, at: 3)
            try insert.execute()
            summary.returnRequestsOpened += 1
        }
    }

    /// Writes the touched threads: the rows of the threads this file created, with their activity
    /// from memory, and the merged fields of the others, whose activity is recomputed from the store
    /// (they have older messages).
    mutating func finish() throws {
        for id in firstUnwrittenThreadID..<nextThreadID {
            guard let created = touched[id], let activity = created.activity else {
                throw StoreError.internalInconsistency("thread \(id) was created but is not known")
            }
            try insertThread(
                created.thread, id: id, firstActivityAt: StoredDate.text(activity.firstActivityAt),
                lastActivityAt: StoredDate.text(activity.lastActivityAt), awaitingSince: activity.awaitingSince.map(StoredDate.text))
        }
        let update = statements.updateThread
        for (id, entry) in touched where !(firstUnwrittenThreadID..<nextThreadID).contains(id) {
            let thread = entry.thread
            update.reset()
            try Self.bindDescription(of: thread, to: update, from: 1)
            if let activity = entry.activity {
                try update.bind(StoredDate.text(activity.firstActivityAt), at: 7)
                try update.bind(StoredDate.text(activity.lastActivityAt), at: 8)
                try update.bind(activity.awaitingSince.map(StoredDate.text), at: 9)
            } else {
                try update.bind(StoredDate.text(thread.firstActivityAt), at: 7)
                try update.bind(StoredDate.text(thread.lastActivityAt), at: 8)
                try update.bind(thread.awaitingSince.map(StoredDate.text), at: 9)
            }
            try update.bind(id, at: 10)
            try update.execute()
            if entry.activity == nil { try MessageThread.refreshActivity(db, id: id) }
        }
        if sequenceMoved {
            // What storing only the added messages leaves: the last one's id, else the row as it was.
            let sequence = nextMessageID > firstMessageID ? nextMessageID - 1 : messageSequence
            if let sequence {
                try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'message'", arguments: [sequence])
            } else {
                try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'message'")
            }
        }
        summary.threadsUpdated = touched.count - summary.threadsCreated
    }

    /// Inserts a message row unless its id is stored already; true when it did.
    private func insert(
        _ message: ImportedMessage, id: Int64, externalID: String, rfcMessageID: String?, thread: Int64, sentAt: String
    ) throws -> Bool {
        let insert = statements.insertMessage
        insert.reset()
        try insert.bind(id, at: 1)
        try insert.bind(thread, at: 2)
        try insert.bind(externalID, at: 3)
        try insert.bind(rfcMessageID, at: 4)
        try insert.bind(ThreadKey.normalizedMessageID(message.inReplyTo), at: 5)
        try insert.bind(try Self.json(message.references.compactMap(ThreadKey.normalizedMessageID)), at: 6)
        try insert.bind(message.direction.rawValue, at: 7)
        try insert.bind(message.kind.rawValue, at: 8)
        try insert.bind(sentAt, at: 9)
        try insert.bind(message.subject, at: 10)
        try insert.bind(message.body, at: 11)
        try insert.bind(try Self.json(message.attachments), at: 12)
        try insert.bind(message.asin, at: 13)
        try insert.bind(message.noResponseNeeded, at: 14)
        try insert.bind(message.isAutoReply, at: 15)
        try insert.bind(message.source.file, at: 16)
        try insert.bind(message.source.line, at: 17)
        try insert.bind(message.source.messageNumber, at: 18)
        try insert.execute()
        return insert.changes > 0
    }

    /// Binds the columns both thread statements write in the same order (marketplace, orderID,
    /// buyerAlias, buyerName, replyAddress, subject) to the six parameters from `first`.
    private static func bindDescription(of thread: MessageThread, to statement: BoundStatement, from first: CInt) throws {
        try statement.bind(thread.marketplace, at: first)
        try statement.bind(thread.orderID, at: first + 1)
        try statement.bind(thread.buyerAlias, at: first + 2)
        try statement.bind(thread.buyerName, at: first + 3)
        try statement.bind(thread.replyAddress, at: first + 4)
        try statement.bind(thread.subject, at: first + 5)
    }

    /// Writes the row of a thread this file created.
    private func insertThread(
        _ thread: MessageThread, id: Int64, firstActivityAt: String, lastActivityAt: String, awaitingSince: String?
    ) throws {
        let insert = statements.insertThread
        insert.reset()
        try insert.bind(id, at: 1)
        try insert.bind(thread.key, at: 2)
        try Self.bindDescription(of: thread, to: insert, from: 3)
        try insert.bind(firstActivityAt, at: 9)
        try insert.bind(lastActivityAt, at: 10)
        try insert.bind(awaitingSince, at: 11)
        try insert.execute()
    }

    /// Writes the rows of the threads this file created that exist only in memory, as they were
    /// when each thread was met: the first message's order id, and its instant as first and last
    /// activity, nothing awaiting. A query over the thread table then sees what it saw when each
    /// row was written at once. The other columns already hold later values; nothing reads them
    /// before ``finish()`` writes every column again.
    private mutating func writeCreatedThreads() throws {
        for id in firstUnwrittenThreadID..<nextThreadID {
            guard let created = touched[id], let activity = created.activity else {
                throw StoreError.internalInconsistency("thread \(id) was created but is not known")
            }
            var thread = created.thread
            thread.orderID = created.createdOrderID
            let first = StoredDate.text(activity.firstActivityAt)
            try insertThread(thread, id: id, firstActivityAt: first, lastActivityAt: first, awaitingSince: nil)
        }
        firstUnwrittenThreadID = nextThreadID
    }

    /// A JSON array column, as GRDB's Codable records write it: keys sorted. Without `.sortedKeys` an
    /// attachment's keys came out in a different order from one message to the next (the encoder
    /// follows a dictionary's order, which Swift seeds per instance).
    private static func json<T: Encodable>(_ values: [T]) throws -> String {
        guard !values.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    // MARK: - Duplicates

    /// A message with this id or this Message-ID is stored already (earlier files or this one).
    private func isKnown(externalID: String, rfcMessageID: String?) throws -> Bool {
        let exists = statements.idOrMessageIDExists
        exists.reset()
        try exists.bind(externalID, at: 1)
        try exists.bind(rfcMessageID, at: 2)
        return try exists.fetchInt64() == 1
    }

    /// A message with this Message-ID is stored already; false without one.
    private func isKnown(messageID: String?) throws -> Bool {
        guard let messageID else { return false }
        let exists = statements.messageIDExists
        exists.reset()
        try exists.bind(messageID, at: 1)
        return try exists.fetchInt64() == 1
    }

    /// The same message exported twice under different ids: same thread, sender, instant and text.
    /// For a thread this file created, the caller asks only when ``LatestSenders`` says a copy is
    /// possible.
    private func isKnownContent(_ message: ImportedMessage, sentAt: String, thread: Int64) throws -> Bool {
        let exists = statements.sameContentExists
        exists.reset()
        try exists.bind(thread, at: 1)
        try exists.bind(sentAt, at: 2)
        try exists.bind(message.direction.rawValue, at: 3)
        try exists.bind(message.subject, at: 4)
        try exists.bind(message.body, at: 5)
        return try exists.fetchInt64() == 1
    }

    // MARK: - Threading

    /// Where a message goes.
    private enum ThreadMatch {
        /// A thread this file already added messages to, by id.
        case touched(Int64)
        /// A thread stored before this file, not touched by it yet.
        case stored(MessageThread)
        /// A thread to create (id nil).
        case new(MessageThread)
    }

    /// The key of a message's thread when its fields alone decide it (the key an export names, or
    /// Amazon mail's alias and order), before any look-up.
    private static func directKey(_ message: ImportedMessage) -> String? {
        if let name = message.threadKey?.nonBlank { return ThreadKey.explicit(name) }
        if let alias = message.buyerAlias?.nonBlank?.lowercased(), let orderID = message.orderID?.nonBlank {
            return ThreadKey.amazon(alias: alias, orderID: orderID)
        }
        return nil
    }

    /// The thread a message belongs to: one this file touched, a stored one, or a new one.
    private mutating func thread(for message: ImportedMessage, directKey: String?) throws -> ThreadMatch {
        if let directKey { return try thread(key: directKey, for: message) }
        let alias = message.buyerAlias?.nonBlank?.lowercased()
        let orderID = message.orderID?.nonBlank
        if let found = try threadByReferences(message) { return found }
        if let alias {
            return try thread(key: ThreadKey.amazon(alias: alias, orderID: nil), for: message)
        }
        if let orderID {
            // The latest thread of the order by the rows as stored, this file's new threads included.
            try writeCreatedThreads()
            if let latest = try MessageThread.filter(MessageThread.Columns.orderID == orderID)
                .order(MessageThread.Columns.lastActivityAt.desc).fetchOne(db)
            {
                return match(latest)
            }
            return try thread(key: ThreadKey.order(orderID), for: message)
        }
        if let messageID = ThreadKey.normalizedMessageID(message.messageID) {
            return try thread(key: ThreadKey.mail(messageID), for: message)
        }
        return try thread(key: ThreadKey.message(message.externalID), for: message)
    }

    /// A stored thread, or the one this file touched if it did.
    private func match(_ stored: MessageThread) -> ThreadMatch {
        if let id = stored.id, touched[id] != nil { return .touched(id) }
        return .stored(stored)
    }

    private func thread(key: String, for message: ImportedMessage) throws -> ThreadMatch {
        if let id = threadIDs[key] { return .touched(id) }
        if storeHadThreads {
            let byKey = statements.threadByKey
            byKey.reset()
            try byKey.bind(key, at: 1)
            if let row = try byKey.fetchRow() { return match(try MessageThread(positional: row)) }
        }
        return .new(
            MessageThread(
                key: key, marketplace: message.marketplace?.nonBlank, orderID: message.orderID?.nonBlank,
                buyerAlias: message.buyerAlias?.nonBlank?.lowercased(), buyerName: message.buyerName?.nonBlank,
                replyAddress: message.replyAddress?.nonBlank, subject: message.subject, firstActivityAt: message.sentAt,
                lastActivityAt: message.sentAt))
    }

    /// The thread of the message this one answers: In-Reply-To first, then References, newest first.
    private func threadByReferences(_ message: ImportedMessage) throws -> ThreadMatch? {
        let candidates = ([message.inReplyTo] + message.references.reversed()).compactMap(ThreadKey.normalizedMessageID)
        let byMessageID = statements.threadIDByMessageID
        for candidate in candidates {
            byMessageID.reset()
            try byMessageID.bind(candidate, at: 1)
            if let threadID = try byMessageID.fetchInt64() {
                if touched[threadID] != nil { return .touched(threadID) }
                if let thread = try MessageThread.fetchOne(db, key: threadID) { return .stored(thread) }
            }
        }
        return nil
    }
}

extension MessageThread {
    /// Fills what the thread does not know yet from a new message; the buyer's latest relay
    /// address and name win, and the earliest message's subject names the thread.
    mutating func merge(_ message: ImportedMessage) {
        marketplace = marketplace ?? message.marketplace?.nonBlank
        orderID = orderID ?? message.orderID?.nonBlank
        buyerAlias = buyerAlias ?? message.buyerAlias?.nonBlank?.lowercased()
        let isLatest = message.sentAt >= lastActivityAt
        if message.direction == .buyer, isLatest {
            buyerName = message.buyerName?.nonBlank ?? buyerName
            replyAddress = message.replyAddress?.nonBlank ?? replyAddress
        } else {
            buyerName = buyerName ?? message.buyerName?.nonBlank
            replyAddress = replyAddress ?? message.replyAddress?.nonBlank
        }
        if message.sentAt < firstActivityAt || subject.isEmpty, let newSubject = message.subject.nonBlank {
            subject = newSubject
        }
        firstActivityAt = min(firstActivityAt, message.sentAt)
        lastActivityAt = max(lastActivityAt, message.sentAt)
    }
}
