import MailImport
import MessageStore

/// What `parley import` did, file by file and in total: the document `--summary-format json`
/// prints (version 1) and the source of the text summary and the exit code.
struct ImportReport: Encodable {
    static let currentVersion = 1

    /// A skipped record or a fallback, where it is and why.
    struct Issue: Encodable, Equatable {
        var position: SourcePosition
        var message: String

        init(_ issue: ImportIssue) {
            position = issue.position
            message = issue.message
        }

        enum CodingKeys: String, CodingKey {
            case position, file, line, message
            case messageNumber = "message_number"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(position.description, forKey: .position)
            try container.encode(position.file, forKey: .file)
            try container.encode(position.line, forKey: .line)
            try container.encode(position.messageNumber, forKey: .messageNumber)
            try container.encode(message, forKey: .message)
        }
    }

    /// The counts every file and the total have.
    struct Counts: Encodable, Equatable {
        var messagesRead = 0
        var messagesAdded = 0
        var duplicates = 0
        var recordsSkipped = 0
        var threadsCreated = 0
        var threadsUpdated = 0
        var returnRequestsOpened = 0

        enum CodingKeys: String, CodingKey {
            case duplicates
            case messagesRead = "messages_read"
            case messagesAdded = "messages_added"
            case recordsSkipped = "records_skipped"
            case threadsCreated = "threads_created"
            case threadsUpdated = "threads_updated"
            case returnRequestsOpened = "return_requests_opened"
        }

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                messagesRead: lhs.messagesRead + rhs.messagesRead, messagesAdded: lhs.messagesAdded + rhs.messagesAdded,
                duplicates: lhs.duplicates + rhs.duplicates, recordsSkipped: lhs.recordsSkipped + rhs.recordsSkipped,
                threadsCreated: lhs.threadsCreated + rhs.threadsCreated, threadsUpdated: lhs.threadsUpdated + rhs.threadsUpdated,
                returnRequestsOpened: lhs.returnRequestsOpened + rhs.returnRequestsOpened)
        }
    }

    struct File: Encodable {
        var file: String
        var format: ImportFormat
        var counts: Counts
        /// True when `--strict` undid the file: nothing of it was stored.
        var rolledBack: Bool
        /// Why the file could not be read at all (nothing of it was stored); nil when it was imported.
        var error: String?
        var issues: [Issue]
        var warnings: [Issue]

        init(_ summary: ImportSummary, format: ImportFormat, warnings: [ImportIssue]) {
            file = summary.source
            self.format = format
            counts = Counts(
                messagesRead: summary.messagesRead, messagesAdded: summary.messagesAdded, duplicates: summary.duplicates,
                recordsSkipped: summary.skipped, threadsCreated: summary.threadsCreated, threadsUpdated: summary.threadsUpdated,
                returnRequestsOpened: summary.returnRequestsOpened)
            rolledBack = summary.rolledBack
            issues = summary.issues.map(Issue.init)
            self.warnings = warnings.map(Issue.init)
        }

        init(notImported file: String, format: ImportFormat, reason: String) {
            self.file = file
            self.format = format
            counts = Counts()
            rolledBack = false
            error = reason
            issues = []
            warnings = []
        }

        enum CodingKeys: String, CodingKey {
            case file, format, error, issues, warnings
            case rolledBack = "rolled_back"
        }

        func encode(to encoder: any Encoder) throws {
            try counts.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(format.rawValue, forKey: .format)
            try container.encode(rolledBack, forKey: .rolledBack)
            try container.encode(error, forKey: .error)
            try container.encode(issues, forKey: .issues)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    var files: [File] = []

    var total: Counts { files.reduce(Counts()) { $0 + $1.counts } }

    /// 2 when a file could not be read, else 1 when any record was skipped (rolled back or not), else 0.
    var exitCode: Int32 {
        if files.contains(where: { $0.error != nil }) { return 2 }
        return total.recordsSkipped > 0 ? 1 : 0
    }

    enum CodingKeys: String, CodingKey { case version, files, total }

    struct Total: Encodable {
        var counts: Counts
        var files: Int
        var filesRolledBack: Int
        var filesNotImported: Int

        enum CodingKeys: String, CodingKey {
            case files
            case filesRolledBack = "files_rolled_back"
            case filesNotImported = "files_not_imported"
        }

        func encode(to encoder: any Encoder) throws {
            try counts.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(files, forKey: .files)
            try container.encode(filesRolledBack, forKey: .filesRolledBack)
            try container.encode(filesNotImported, forKey: .filesNotImported)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentVersion, forKey: .version)
        try container.encode(files, forKey: .files)
        try container.encode(
            Total(
                counts: total, files: files.count, filesRolledBack: files.count(where: \.rolledBack),
                filesNotImported: files.count(where: { $0.error != nil })), forKey: .total)
    }
}
