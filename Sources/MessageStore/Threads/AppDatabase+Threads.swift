import Foundation
import GRDB

extension AppDatabase {
    public func thread(id: Int64) throws -> MessageThread? {
        try read { db in try MessageThread.fetchOne(db, key: id) }
    }

    public func message(id: Int64) throws -> Message? {
        try read { db in try Message.fetchOne(db, key: id) }
    }

    /// Every thread, most recently active first.
    public func threads() throws -> [MessageThread] {
        try read { db in
            try MessageThread.order(MessageThread.Columns.lastActivityAt.desc, MessageThread.Columns.id.desc).fetchAll(db)
        }
    }

    /// The thread's messages (oldest first), their clocks and its order's return requests, as of
    /// `asOf`: later messages are left out and counted.
    public func conversation(threadID: Int64, asOf: Date) throws -> Conversation {
        try read { db in
            guard let thread = try MessageThread.fetchOne(db, key: threadID) else { throw StoreError.noSuchThread(threadID) }
            let all = try Message.filter(Message.Columns.threadId == threadID)
                .order(Message.Columns.sentAt, Message.Columns.id).fetchAll(db)
            let visible = all.filter { $0.sentAt <= asOf }
            let clocks = ResponseClock.clocks(of: visible.map(\.clockEvent), asOf: asOf)
            var requests: [ReturnRequest] = []
            if let orderID = thread.orderID {
                requests = try ReturnRequest.filter(ReturnRequest.Columns.orderID == orderID)
                    .filter(ReturnRequest.Columns.receivedAt <= asOf)
                    .order(ReturnRequest.Columns.receivedAt).fetchAll(db)
            }
            var conversation = Conversation(
                thread: thread, messages: visible,
                clocks: Dictionary(clocks.map { ($0.messageID, $0) }, uniquingKeysWith: { a, _ in a }), returnRequests: requests,
                asOf: asOf)
            conversation.laterMessages = all.count - visible.count
            return conversation
        }
    }

    /// The audit log, oldest first.
    public func auditLog() throws -> [AuditEntry] {
        try read { db in try AuditEntry.order(AuditEntry.Columns.at, AuditEntry.Columns.id).fetchAll(db) }
    }

    /// The return requests of an order, oldest first.
    public func returnRequests(orderID: String) throws -> [ReturnRequest] {
        try read { db in
            try ReturnRequest.filter(ReturnRequest.Columns.orderID == orderID).order(ReturnRequest.Columns.receivedAt).fetchAll(db)
        }
    }
}
