/// Why a whole input could not be read (as opposed to an `ImportIssue`, one bad record in it).
public enum ImportReadError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unknownFormat(path: String)
    /// A directory that has neither `cur/` nor `new/`, given as `--format maildir`.
    case notMaildir(path: String)
    /// A directory that is neither a Maildir nor holds any `.eml` file.
    case noMailInFolder(path: String)
    /// A directory given with a format that only files have (JSONL, CSV, mbox).
    case folderForFileFormat(path: String, format: ImportFormat)
    /// A built-in pattern did not compile (a bug, reported rather than crashed on).
    case internalPattern(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .unknownFormat(let path):
            "\(path): cannot tell the format; pass --format (jsonl, csv, mbox, eml or maildir)"
        case .notMaildir(let path): "\(path): a directory without cur/ or new/ is not a Maildir"
        case .noMailInFolder(let path):
            "\(path): a folder to import must be a Maildir (with cur/ or new/) or hold .eml files, and this one is neither"
        case .folderForFileFormat(let path, let format): "\(path): --format \(format.rawValue) needs a file, not a folder"
        case .internalPattern(let message): "internal pattern error: \(message)"
        }
    }
}
