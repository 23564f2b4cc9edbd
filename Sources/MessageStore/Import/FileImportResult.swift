import MailImport

/// What `importFile(path:…)` did with one file: the store's summary, and the reader's notes on
/// records kept with a fallback (not stored, so not in the summary).
public struct FileImportResult: Sendable {
    public var summary: ImportSummary
    public var warnings: [ImportIssue]

    public init(summary: ImportSummary, warnings: [ImportIssue]) {
        self.summary = summary
        self.warnings = warnings
    }
}
