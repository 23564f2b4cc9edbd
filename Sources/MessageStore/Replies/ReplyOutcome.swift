import MessageLint

/// What ``AppDatabase/recordReply(thread:draft:at:linter:force:source:messageIDDomain:)`` did.
public enum ReplyOutcome: Sendable {
    /// Not recorded: the findings include errors and the reply was not forced.
    case refused(findings: [Finding], isProactive: Bool)
    case recorded(RecordedReply)

    /// The rule pack's and the history checks' findings, in report order.
    public var findings: [Finding] {
        switch self {
        case let .refused(findings, _): findings
        case let .recorded(reply): reply.findings
        }
    }
}

/// A reply stored in its thread, with what the checks found and, when errors were overridden, the
/// audit entry that records why.
public struct RecordedReply: Sendable, Hashable {
    public var thread: MessageThread
    public var message: Message
    public var findings: [Finding]
    /// True when nothing from the buyer preceded it: the 30-day window and proactive rules applied.
    public var isProactive: Bool
    public var audit: AuditEntry?

    public init(thread: MessageThread, message: Message, findings: [Finding], isProactive: Bool, audit: AuditEntry?) {
        self.thread = thread
        self.message = message
        self.findings = findings
        self.isProactive = isProactive
        self.audit = audit
    }
}
