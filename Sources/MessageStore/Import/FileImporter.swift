import Foundation
import GRDB
import MailImport

/// Adds one parsed file's messages to the store inside the caller's transaction: threads them,
/// drops duplicates, opens return clocks, and refreshes the threads it touched at the end.
struct FileImporter {
    let db: Database
    private(set) var summary: ImportSummary
    /// Threads touched by this file, by id, with the fields merged from its messages.
    private var touched: [Int64: MessageThread] = [:]
    /// Thread ids by key, for the threads this file already met.
    private var threadIDs: [String: Int64] = [:]

    init(db: Database, source: String) {
        self.db = db
        self.summary = ImportSummary(source: source)
    }

    /// Imports the messages in order of time, so a reply finds the message it answers even when
    /// the file lists it first.
    mutating func add(_ messages: [ImportedMessage]) throws {
        summary.messagesRead += messages.count
        let ordered = messages.enumerated().sorted {
            $0.element.sentAt != $1.element.sentAt ? $0.element.sentAt < $1.element.sentAt : $0.offset < $1.offset
        }
        for (_, message) in ordered { try add(message) }
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
        if let id = thread.id, try isKnownContent(message, thread: id) {
            summary.duplicates += 1
            return
        }
        if thread.id == nil {
            try thread.insert(db)
            summary.threadsCreated += 1
        }
        guard let threadID = thread.id else { throw StoreError.internalInconsistency("an inserted thread has no id") }
        threadIDs[thread.key] = threadID
        if touched[threadID] == nil { touched[threadID] = thread }
        touched[threadID]?.merge(message)

        // A prepared INSERT: this runs once per imported message, up to millions of times.
        let attachments = try Self.json(message.attachments)
        let references = try Self.json(message.references.compactMap(ThreadKey.normalizedMessageID))
        try db.cachedStatement(
            sql: """
                INSERT INTO message (threadId, externalID, rfcMessageID, inReplyTo, referenceIDs, direction, kind, sentAt, subject,
                    body, attachments, asin, noResponseNeeded, noResponseNeededAt, isAutoReply, sourceFile, sourceLine, sourceMessageNumber)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            threadID, externalID, rfcMessageID, ThreadKey.normalizedMessageID(message.inReplyTo), references,
            message.direction.rawValue, message.kind.rawValue, message.sentAt, message.subject, message.body, attachments,
            message.asin, message.noResponseNeeded, message.isAutoReply, message.source.file, message.source.line,
            message.source.messageNumber,
        ])
        let messageRowID = db.lastInsertedRowID
        summary.messagesAdded += 1

        if message.kind == .returnRequest, let orderID = message.orderID?.nonBlank {
            var request = ReturnRequest(orderID: orderID, receivedAt: message.sentAt, messageId: messageRowID)
            try request.insert(db)
            summary.returnRequestsOpened += 1
        }
    }

    /// Writes the merged thread fields and recomputes each touched thread's activity.
    mutating func finish() throws {
        for (id, thread) in touched {
            try thread.update(db)
            try MessageThread.refreshActivity(db, id: id)
        }
        summary.threadsUpdated = touched.count - summary.threadsCreated
    }

    /// A JSON array column, as GRDB's Codable records write it; most are empty.
    private static func json<T: Encodable>(_ values: [T]) throws -> String {
        values.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    // MARK: - Duplicates

    private func isKnown(externalID: String, rfcMessageID: String?) throws -> Bool {
        let byID = try db.cachedStatement(sql: "SELECT 1 FROM message WHERE externalID = ? LIMIT 1")
        if try Row.fetchOne(byID, arguments: [externalID]) != nil { return true }
        guard let rfcMessageID else { return false }
        let byMessageID = try db.cachedStatement(sql: "SELECT 1 FROM message WHERE rfcMessageID = ? LIMIT 1")
        return try Row.fetchOne(byMessageID, arguments: [rfcMessageID]) != nil
    }

    /// The same message exported twice under different ids: same thread, sender, instant and text.
    private func isKnownContent(_ message: ImportedMessage, thread: Int64) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: """
                SELECT 1 FROM message
                WHERE threadId = ? AND sentAt = ? AND direction = ? AND subject = ? AND body = ? LIMIT 1
                """)
        return try Row.fetchOne(
            statement, arguments: [thread, message.sentAt, message.direction.rawValue, message.subject, message.body]) != nil
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
        let byKey = try db.cachedStatement(sql: "SELECT * FROM thread WHERE key = ?")
        if let existing = try MessageThread.fetchOne(byKey, arguments: [key]) {
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
        for candidate in candidates {
            let statement = try db.cachedStatement(sql: "SELECT threadId FROM message WHERE rfcMessageID = ? LIMIT 1")
            if let threadID = try Int64.fetchOne(statement, arguments: [candidate]) {
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
