import Foundation
import GRDB

extension AppDatabase {
    /// Marks customer messages no-response-needed at `at` (Seller Central's checkbox): a message,
    /// or every customer message of a thread still waiting as of `at`. The mark takes the message
    /// out of Contact Response Time from `at` on; a later buyer message starts a new clock. Returns
    /// the messages newly marked (empty when there was nothing left to mark).
    public func markNoResponseNeeded(_ target: MarkTarget, at: Date) throws -> [Message] {
        try write { db in
            var candidates: [Message]
            let threadID: Int64
            switch target {
            case let .message(id):
                guard let message = try Message.fetchOne(db, key: id) else { throw StoreError.noSuchMessage(id) }
                guard message.isCustomerMessage else { throw StoreError.notACustomerMessage(id) }
                candidates = message.noResponseNeeded ? [] : [message]
                threadID = message.threadId
            case let .thread(id):
                guard try MessageThread.exists(db, key: id) else { throw StoreError.noSuchThread(id) }
                let messages = try Message.filter(Message.Columns.threadId == id && Message.Columns.sentAt <= at).fetchAll(db)
                let waiting = Set(
                    ResponseClock.clocks(of: messages.map(\.clockEvent), asOf: at).filter(\.status.isAwaitingResponse).map(\.messageID))
                candidates = messages.filter { $0.id.map(waiting.contains) ?? false }.sorted { $0.sentAt < $1.sentAt }
                threadID = id
            }
            for index in candidates.indices {
                candidates[index].noResponseNeeded = true
                // A mark cannot come before the message it marks.
                candidates[index].noResponseNeededAt = max(at, candidates[index].sentAt)
                try candidates[index].update(db)
            }
            if !candidates.isEmpty { try MessageThread.refreshActivity(db, id: threadID) }
            return candidates
        }
    }
}
