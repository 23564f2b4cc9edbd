import Foundation
import GRDB
import MailImport

/// Adds one parsed file's messages to the store inside the caller's transaction: threads them,
/// drops duplicates, opens return clocks, and refreshes the threads it touched at the end.
///
/// It runs once per message, up to millions of times per file, so its statements are prepared once
/// per file and bound by hand (``ImportStatements``), with dates as ``StoredDate`` text, and the
/// threads this file creates get their activity from memory (``ThreadActivity``) rather than from
/// re-reading their messages.
struct FileImporter {
    let db: Database
    private(set) var summary: ImportSummary
    private let statements: ImportStatements
    /// Threads touched by this file, by id, with the fields merged from its messages.
    private var touched: [Int64: MessageThread] = [:]
    /// Thread ids by key, for the threads this file already met.
    private var threadIDs: [String: Int64] = [:]
    /// The activity of the threads this file created: all their messages are in this file.
    private var createdActivity: [Int64: ThreadActivity] = [:]
    /// Content hashes (``contentHash(_:sentAt:thread:)``) of the messages this file added to the threads
    /// it created, so the same-content check asks the store only when a hash matches.
    private var createdContent: Set<Int> = []

    init(db: Database, source: String) throws {
        self.db = db
        self.summary = ImportSummary(source: source)
        self.statements = try ImportStatements(db)
    }

    /// Imports the messages in order of time (stable: file order among equal times), so a reply
    /// finds the message it answers even when the file lists it first. Exports usually are in order
    /// already; otherwise only the indices are sorted, not copies of the messages.
    mutating func add(_ messages: [ImportedMessage]) throws {
        summary.messagesRead += messages.count
        let inOrder = zip(messages, messages.dropFirst()).allSatisfy { $0.sentAt <= $1.sentAt }
        if inOrder {
            for message in messages { try add(message) }
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
        if try isKnown(externalID: externalID, rfcMessageID: rfcMessageID) {
            summary.duplicates += 1
            return
        }
        var thread = try thread(for: message)
        let sentAt = StoredDate.text(message.sentAt)
        if let id = thread.id, try isKnownContent(message, sentAt: sentAt, thread: id) {
            summary.duplicates += 1
            return
        }
        let isNewThread = thread.id == nil
        if isNewThread {
            try insert(&thread, sentAt: sentAt)
            summary.threadsCreated += 1
        }
        guard let threadID = thread.id else { throw StoreError.internalInconsistency("an inserted thread has no id") }
        threadIDs[thread.key] = threadID
        if touched[threadID] == nil { touched[threadID] = thread }
        touched[threadID]?.merge(message)

        let insert = statements.insertMessage
        insert.reset()
        try insert.bind(threadID, at: 1)
        try insert.bind(externalID, at: 2)
        try insert.bind(rfcMessageID, at: 3)
        try insert.bind(ThreadKey.normalizedMessageID(message.inReplyTo), at: 4)
        try insert.bind(try Self.json(message.references.compactMap(ThreadKey.normalizedMessageID)), at: 5)
        try insert.bind(message.direction.rawValue, at: 6)
        try insert.bind(message.kind.rawValue, at: 7)
        try insert.bind(sentAt, at: 8)
        try insert.bind(message.subject, at: 9)
        try insert.bind(message.body, at: 10)
        try insert.bind(try Self.json(message.attachments), at: 11)
        try insert.bind(message.asin, at: 12)
        try insert.bind(message.noResponseNeeded, at: 13)
        try insert.bind(message.isAutoReply, at: 14)
        try insert.bind(message.source.file, at: 15)
        try insert.bind(message.source.line, at: 16)
        try insert.bind(message.source.messageNumber, at: 17)
        try insert.execute()
        let messageRowID = db.lastInsertedRowID
        summary.messagesAdded += 1

        let event = ClockEvent(
            messageID: messageRowID, threadID: threadID,
            role: ClockEvent.Role(direction: message.direction, kind: message.kind, isAutoReply: message.isAutoReply),
            // The instant as stored: two messages in the same millisecond are simultaneous for the store.
            sentAt: StoredDate.date(text: sentAt) ?? message.sentAt, noResponseNeeded: message.noResponseNeeded)
        if isNewThread {
            createdActivity[threadID] = ThreadActivity(first: event)
        } else {
            createdActivity[threadID]?.record(event)
        }
        if createdActivity[threadID] != nil { createdContent.insert(Self.contentHash(message, sentAt: sentAt, thread: threadID)) }

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

    /// Writes the merged thread fields and each touched thread's activity: from memory for the
    /// threads this file created, recomputed from the store for the others (they have older messages).
    mutating func finish() throws {
        let update = statements.updateThread
        for (id, thread) in touched {
            update.reset()
            try update.bind(thread.marketplace, at: 1)
            try update.bind(thread.orderID, at: 2)
            try update.bind(thread.buyerAlias, at: 3)
            try update.bind(thread.buyerName, at: 4)
            try update.bind(thread.replyAddress, at: 5)
            try update.bind(thread.subject, at: 6)
            let activity = createdActivity[id]
            try update.bind(StoredDate.text(activity?.firstActivityAt ?? thread.firstActivityAt), at: 7)
            try update.bind(StoredDate.text(activity?.lastActivityAt ?? thread.lastActivityAt), at: 8)
            try update.bind((activity.map(\.awaitingSince) ?? thread.awaitingSince).map(StoredDate.text), at: 9)
            try update.bind(id, at: 10)
            try update.execute()
            if activity == nil { try MessageThread.refreshActivity(db, id: id) }
        }
        summary.threadsUpdated = touched.count - summary.threadsCreated
    }

    /// A JSON array column, as GRDB's Codable records write it; most are empty.
    private static func json<T: Encodable>(_ values: [T]) throws -> String {
        values.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
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

    /// The same message exported twice under different ids: same thread, sender, instant and text.
    /// For a thread this file created, every message is in ``createdContent``, so the store is asked
    /// only when the hash matches (the hash alone could collide).
    private func isKnownContent(_ message: ImportedMessage, sentAt: String, thread: Int64) throws -> Bool {
        if createdActivity[thread] != nil, !createdContent.contains(Self.contentHash(message, sentAt: sentAt, thread: thread)) {
            return false
        }
        let exists = statements.sameContentExists
        exists.reset()
        try exists.bind(thread, at: 1)
        try exists.bind(sentAt, at: 2)
        try exists.bind(message.direction.rawValue, at: 3)
        try exists.bind(message.subject, at: 4)
        try exists.bind(message.body, at: 5)
        return try exists.fetchInt64() == 1
    }

    /// What ``isKnownContent(_:sentAt:thread:)`` compares (the instant as stored, to the millisecond), hashed.
    private static func contentHash(_ message: ImportedMessage, sentAt: String, thread: Int64) -> Int {
        // The UTF-8 bytes, as SQLite compares them; `String` hashing would normalize to NFC first,
        // which is slower and equates texts the store tells apart.
        var hasher = Hasher()
        hasher.combine(thread)
        for text in [sentAt, message.direction.rawValue, message.subject, message.body] {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(text.utf8.count)
        }
        return hasher.finalize()
    }

    /// Inserts a new thread row (its activity is written again by ``finish()``).
    private func insert(_ thread: inout MessageThread, sentAt: String) throws {
        let insert = statements.insertThread
        insert.reset()
        try insert.bind(thread.key, at: 1)
        try insert.bind(thread.marketplace, at: 2)
        try insert.bind(thread.orderID, at: 3)
        try insert.bind(thread.buyerAlias, at: 4)
        try insert.bind(thread.buyerName, at: 5)
        try insert.bind(thread.replyAddress, at: 6)
        try insert.bind(thread.subject, at: 7)
        try insert.bind(sentAt, at: 8)
        try insert.execute()
        thread.id = db.lastInsertedRowID
    }

    // MARK: - Threading

    /// The thread a message belongs to: an existing one, or a new unsaved one (id nil).
    private mutating func thread(for message: ImportedMessage) throws -> MessageThread {
        if let name = message.threadKey?.nonBlank {
            return try thread(key: ThreadKey.explicit(name), for: message)
        }
        let alias = message.buyerAlias?.nonBlank?.lowercased()
        let orderID = message.orderID?.nonBlank
        if let alias, let orderID {
            return try thread(key: ThreadKey.amazon(alias: alias, orderID: orderID), for: message)
        }
        if let found = try threadByReferences(message) { return found }
        if let alias {
            return try thread(key: ThreadKey.amazon(alias: alias, orderID: nil), for: message)
        }
        if let orderID {
            if let latest = try MessageThread.filter(MessageThread.Columns.orderID == orderID)
                .order(MessageThread.Columns.lastActivityAt.desc).fetchOne(db)
            {
                return touched[latest.id ?? -1] ?? latest
            }
            return try thread(key: ThreadKey.order(orderID), for: message)
        }
        if let messageID = ThreadKey.normalizedMessageID(message.messageID) {
            return try thread(key: ThreadKey.mail(messageID), for: message)
        }
        return try thread(key: ThreadKey.message(message.externalID), for: message)
    }

    private func thread(key: String, for message: ImportedMessage) throws -> MessageThread {
        if let id = threadIDs[key], let thread = touched[id] { return thread }
        let byKey = statements.threadByKey
        byKey.reset()
        try byKey.bind(key, at: 1)
        if let row = try byKey.fetchRow() {
            let existing = try MessageThread(positional: row)
            return touched[existing.id ?? -1] ?? existing
        }
        return MessageThread(
            key: key, marketplace: message.marketplace?.nonBlank, orderID: message.orderID?.nonBlank,
            buyerAlias: message.buyerAlias?.nonBlank?.lowercased(), buyerName: message.buyerName?.nonBlank,
            replyAddress: message.replyAddress?.nonBlank, subject: message.subject, firstActivityAt: message.sentAt,
            lastActivityAt: message.sentAt)
    }

    /// The thread of the message this one answers: In-Reply-To first, then References, newest first.
    private func threadByReferences(_ message: ImportedMessage) throws -> MessageThread? {
        let candidates = ([message.inReplyTo] + message.references.reversed()).compactMap(ThreadKey.normalizedMessageID)
        let byMessageID = statements.threadIDByMessageID
        for candidate in candidates {
            byMessageID.reset()
            try byMessageID.bind(candidate, at: 1)
            if let threadID = try byMessageID.fetchInt64() {
                if let thread = touched[threadID] { return thread }
                if let thread = try MessageThread.fetchOne(db, key: threadID) { return thread }
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
