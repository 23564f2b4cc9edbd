/// A record that could not be imported: where it is and why. Parsers report these and go on with
/// the next record; the importer decides whether the file is rolled back (`--strict`).
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var position: SourcePosition
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "\(position): \(message)" }
}

/// What a parser read from one file: the messages, the records it had to skip (`issues`), and the
/// messages it imported only with a fallback (`warnings`: an unknown charset read as UTF-8 or
/// Windows-1252, a date taken from the mbox `From ` line). Warnings never skip a record.
public struct ParsedFile: Sendable {
    public var messages: [ImportedMessage]
    public var issues: [ImportIssue]
    public var warnings: [ImportIssue]

    public init(messages: [ImportedMessage] = [], issues: [ImportIssue] = [], warnings: [ImportIssue] = []) {
        self.messages = messages
        self.issues = issues
        self.warnings = warnings
    }

    /// Adds one reader event.
    public mutating func record(_ event: ImportEvent) {
        switch event {
        case .message(let message): messages.append(message)
        case .issue(let issue): issues.append(issue)
        case .warning(let warning): warnings.append(warning)
        }
    }
}

/// One thing a reader found, delivered as it is read so a large file need not be held whole.
public enum ImportEvent: Sendable {
    case message(ImportedMessage)
    /// A record that was skipped.
    case issue(ImportIssue)
    /// A record imported with a fallback.
    case warning(ImportIssue)
}

/// The formats `parley import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, jsonl, csv, mbox, eml, maildir
}
