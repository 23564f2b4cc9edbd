import Foundation

/// Reads a Maildir folder: every file in `new/` and `cur/` is one message (`tmp/` holds deliveries in
/// progress and is skipped). Files are read in name order, which is delivery order because names
/// start with the delivery time; that time is also the fallback date. Flags after `:2,` (or `!2,`
/// on file systems without colons) are parsed, never required.
public struct MaildirReader: Sendable {
    public let parser: MailParser

    public init(parser: MailParser) {
        self.parser = parser
    }

    /// Whether `url` is a Maildir (it has `cur/` or `new/`).
    public static func isMaildir(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        for sub in ["cur", "new"] {
            let path = url.appendingPathComponent(sub).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        }
        return false
    }

    /// A message file name's parts: delivery time and flags (`S` seen, `R` replied, `T` trashed, …).
    public struct FileName: Sendable, Hashable {
        public var deliveredAt: Date?
        public var flags: Set<Character>

        public init(_ name: String) {
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            deliveredAt = Int(digits).map { Date(timeIntervalSince1970: TimeInterval($0)) }
            if let marker = name.range(of: ":2,") ?? name.range(of: "!2,") {
                flags = Set(name[marker.upperBound...].filter { $0.isLetter })
            } else {
                flags = []
            }
        }
    }

    public func read(directory: URL, _ handle: (ImportEvent) throws -> Void) throws {
        for sub in ["new", "cur"] {
            let folder = directory.appendingPathComponent(sub)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let position = SourcePosition(file: url.path)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    try handle(.issue(ImportIssue(position: position, message: "cannot read the message file")))
                    continue
                }
                let fileName = FileName(name)
                for event in parser.events([UInt8](data), source: position, fallbackDate: fileName.deliveredAt) {
                    try handle(event)
                }
            }
        }
    }
}
