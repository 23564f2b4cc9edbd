import MailImport

/// What importing one file did: messages added, duplicates skipped, records that could not be
/// imported (with their file and line or message number), and whether `strict` rolled it all back.
public struct ImportSummary: Sendable, Hashable {
    /// The file as named on the command line.
    public var source: String
    /// Messages the parser read (skipped records not included).
    public var messagesRead: Int
    public var messagesAdded: Int
    /// Messages already in the store (same id, Message-ID, or same thread, sender, time and text).
    public var duplicates: Int
    public var threadsCreated: Int
    /// Existing threads that received new messages.
    public var threadsUpdated: Int
    public var returnRequestsOpened: Int
    /// Records skipped, by the parser or the store, in file order.
    public var issues: [ImportIssue]
    /// True when `strict` and an issue undid the whole file: nothing was added.
    public var rolledBack: Bool

    public init(
        source: String, messagesRead: Int = 0, messagesAdded: Int = 0, duplicates: Int = 0, threadsCreated: Int = 0,
        threadsUpdated: Int = 0, returnRequestsOpened: Int = 0, issues: [ImportIssue] = [], rolledBack: Bool = false
    ) {
        self.source = source
        self.messagesRead = messagesRead
        self.messagesAdded = messagesAdded
        self.duplicates = duplicates
        self.threadsCreated = threadsCreated
        self.threadsUpdated = threadsUpdated
        self.returnRequestsOpened = returnRequestsOpened
        self.issues = issues
        self.rolledBack = rolledBack
    }

    /// Records that were not imported because of an issue.
    public var skipped: Int { issues.count }
}
