/// Why a whole input could not be read (as opposed to an `ImportIssue`, one bad record in it).
public enum ImportReadError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unknownFormat(path: String)
    /// A directory that has neither `cur/` nor `new/`.
    case notMaildir(path: String)
    /// A built-in pattern did not compile (a bug, reported rather than crashed on).
    case internalPattern(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .unknownFormat(let path):
            "\(path): cannot tell the format; pass --format (jsonl, csv, mbox, eml or maildir)"
        case .notMaildir(let path): "\(path): a directory without cur/ or new/ is not a Maildir"
        case .internalPattern(let message): "internal pattern error: \(message)"
        }
    }
}
