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

/// What a parser read from one file: the messages and the records it had to skip.
public struct ParsedFile: Sendable {
    public var messages: [ImportedMessage]
    public var issues: [ImportIssue]

    public init(messages: [ImportedMessage] = [], issues: [ImportIssue] = []) {
        self.messages = messages
        self.issues = issues
    }
}

/// The formats `parley import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, jsonl, csv, mbox, eml, maildir
}
