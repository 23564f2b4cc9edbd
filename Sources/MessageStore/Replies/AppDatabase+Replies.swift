import Foundation
import GRDB
import MailImport
import MessageLint

extension AppDatabase {
    /// Lints a reply with `linter` plus the checks that need history, and records it in the thread
    /// at `at` unless a finding is an error. With a non-empty `reason` (`--force --reason`), errors
    /// are overridden and an audit entry keeps the reason and the rules overridden.
    ///
    /// A draft in a thread where the buyer has not written by `at` is proactive: it is linted as
    /// `proactive` (unless it names an SP-API type) and must fall within 30 days of the order's
    /// first activity. The recorded message gets a Message-ID `<parley.T.N.YYYYMMDDhhmmss@domain>`
    /// and answers the buyer's latest message (In-Reply-To, References).
    public func recordReply(
        thread threadID: Int64, draft: Draft, at: Date, linter: Linter, force reason: String? = nil, source: String = "parley reply",
        messageIDDomain: String = "parley.invalid"
    ) throws -> ReplyOutcome {
        if let reason, reason.nonBlank == nil { throw StoreError.emptyForceReason }
        return try write { db in
            guard let thread = try MessageThread.fetchOne(db, key: threadID) else { throw StoreError.noSuchThread(threadID) }
            let messages = try Message.filter(Message.Columns.threadId == threadID)
                .order(Message.Columns.sentAt, Message.Columns.id).fetchAll(db)
            let earlier = messages.filter { $0.sentAt <= at }
            let isProactive = draft.messageType.isProactive || !earlier.contains { $0.direction == .buyer && $0.kind == .message }
            var linted = draft
            if isProactive, linted.messageType == .reply { linted.messageType = .proactive }

            let (priorSeller, orderStart) = try Self.orderHistory(db, thread: thread, before: at)
            let findings =
                (linter.lint(linted)
                + HistoryCheck().findings(
                    draft: linted, isProactive: isProactive, priorSellerMessages: priorSeller, orderStart: orderStart, at: at))
                .sorted(by: Self.reportOrder)
            let errors = findings.filter { $0.severity == .error }
            if !errors.isEmpty, reason == nil { return .refused(findings: findings, isProactive: isProactive) }

            let answered = earlier.last { $0.direction == .buyer } ?? earlier.last
            let sequence = messages.count + 1
            let messageID = "parley.\(threadID).\(sequence).\(Self.compactTimestamp(at))@\(messageIDDomain)"
            var message = Message(
                threadId: threadID, externalID: "parley:\(messageID)", rfcMessageID: messageID, inReplyTo: answered?.rfcMessageID,
                referenceIDs: answered.map { $0.referenceIDs + ($0.rfcMessageID.map { [$0] } ?? []) } ?? [], direction: .seller,
                kind: .message, sentAt: at, subject: draft.subject.nonBlank ?? Self.replySubject(thread.subject), body: draft.body,
                attachments: draft.attachments.map { ImportedAttachment(name: $0.name, bytes: $0.bytes) },
                source: SourcePosition(file: source))
            try message.insert(db)

            var audit: AuditEntry?
            if let reason, !errors.isEmpty {
                var entry = AuditEntry(
                    at: at, action: .forcedReply, threadId: threadID, messageId: message.id,
                    reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), overriddenRules: Array(Set(errors.map(\.rule))).sorted()
                )
                try entry.insert(db)
                audit = entry
            }
            try MessageThread.refreshActivity(db, id: threadID)
            let refreshed = try MessageThread.fetchOne(db, key: threadID) ?? thread
            return .recorded(RecordedReply(thread: refreshed, message: message, findings: findings, isProactive: isProactive, audit: audit))
        }
    }

    /// The seller's messages before `at` in every thread of the thread's order (just this thread
    /// for a pre-sale question), and the order's first activity.
    private static func orderHistory(_ db: Database, thread: MessageThread, before at: Date) throws -> ([Message], Date) {
        var threadIDs: [Int64] = thread.id.map { [$0] } ?? []
        var start = thread.firstActivityAt
        if let orderID = thread.orderID {
            let related = try MessageThread.filter(MessageThread.Columns.orderID == orderID).fetchAll(db)
            threadIDs = related.compactMap(\.id)
            start = related.map(\.firstActivityAt).min() ?? start
        }
        let prior = try Message.filter(threadIDs.contains(Message.Columns.threadId))
            .filter(Message.Columns.direction == Direction.seller.rawValue)
            .filter(Message.Columns.sentAt < at)
            .order(Message.Columns.sentAt).fetchAll(db)
        return (prior, start)
    }

    private static func replySubject(_ subject: String) -> String {
        subject.lowercased().hasPrefix("re:") ? subject : "Re: \(subject)"
    }

    /// `YYYYMMDDhhmmss` in UTC.
    static func compactTimestamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// The linter's report order: subject, body, attachments; then position and rule.
    static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let fields = Field.allCases
        let left = fields.firstIndex(of: lhs.field) ?? 0
        let right = fields.firstIndex(of: rhs.field) ?? 0
        if left != right { return left < right }
        if lhs.offset != rhs.offset { return lhs.offset < rhs.offset }
        if lhs.length != rhs.length { return lhs.length > rhs.length }
        return lhs.rule < rhs.rule
    }
}
