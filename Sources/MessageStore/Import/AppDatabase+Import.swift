import GRDB
import MailImport

extension AppDatabase {
    /// Adds one parsed file to the store in one transaction: a killed or failed import leaves the
    /// store as it was. Records the parser or the store could not take are reported in the summary
    /// and skipped; with `strict`, any such issue rolls the whole file back. Messages already stored
    /// (same id, same Message-ID, or same thread, sender, instant and text) are counted as
    /// duplicates, so importing the same data again adds nothing.
    public func importFile(_ parsed: ParsedFile, source: String, strict: Bool) throws -> ImportSummary {
        try writeTransaction { db in
            var importer = try FileImporter(db: db, source: source)
            try importer.add(parsed.messages)
            return try Self.complete(&importer, readIssues: parsed.issues, strict: strict)
        }
    }

    /// Ends a file's import: the thread updates, the issues in file order, and the rollback that
    /// `strict` asks for when there are any.
    static func complete(_ importer: inout FileImporter, readIssues: [ImportIssue], strict: Bool) throws
        -> (ImportSummary, Database.TransactionCompletion)
    {
        try importer.finish()
        var summary = importer.summary
        summary.issues = (readIssues + summary.issues).sorted(by: Self.fileOrder)
        guard strict, !summary.issues.isEmpty else { return (summary, .commit) }
        summary.rolledBack = true
        summary.messagesAdded = 0
        summary.threadsCreated = 0
        summary.threadsUpdated = 0
        summary.returnRequestsOpened = 0
        return (summary, .rollback)
    }

    /// Issues in the order they occur in the file: by line, else by message number.
    static func fileOrder(_ lhs: ImportIssue, _ rhs: ImportIssue) -> Bool {
        let left = lhs.position.line ?? lhs.position.messageNumber ?? 0
        let right = rhs.position.line ?? rhs.position.messageNumber ?? 0
        return left < right
    }
}
