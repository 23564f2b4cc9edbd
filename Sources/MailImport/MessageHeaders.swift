import Foundation

/// The header fields of a message or MIME part, in order; names compare case-insensitively and a
/// repeated field keeps every occurrence (`Received`, or a broken mail's second `From`).
public struct MessageHeaders: Sendable, Hashable {
    public var fields: [HeaderField]

    public init(_ fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// The first field with this name. The first wins, as in most mail readers, for duplicated
    /// `Subject`, `Date` or `Content-Type`.
    public subscript(name: String) -> HeaderField? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }
    }

    public func all(_ name: String) -> [HeaderField] {
        let lowered = name.lowercased()
        return fields.filter { $0.name.lowercased() == lowered }
    }

    /// Unfolds and splits a header block. Lines that are neither a field nor a continuation (an mbox
    /// `From ` line, stray text) are skipped; a name may be followed by spaces before the colon
    /// (RFC 5322 obsolete syntax).
    static func parse(_ bytes: [UInt8], lines: [ByteLine]) -> MessageHeaders {
        var fields: [HeaderField] = []
        var currentName: String?
        var currentValue: [UInt8] = []
        func finish() {
            if let name = currentName {
                let value = Charset.headerText(currentValue).trimmingCharacters(in: .whitespacesAndNewlines)
                fields.append(HeaderField(name: name, rawValue: value))
            }
            currentName = nil
            currentValue = []
        }
        for line in lines {
            let content = bytes[line.content]
            guard let first = content.first else { break }
            if first == 0x20 || first == 0x09 {
                // A continuation: unfolding removes the line break and keeps the white space.
                if currentName != nil { currentValue += content }
                continue
            }
            finish()
            guard let colon = content.firstIndex(of: 0x3A) else { continue }
            let nameBytes = bytes[line.start..<colon]
            var name = String(decoding: nameBytes, as: UTF8.self)
            while name.last == " " || name.last == "\t" { name.removeLast() }
            let isFieldName =
                !name.isEmpty
                && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x3A }
            guard isFieldName else { continue }
            currentName = name
            currentValue = Array(bytes[(colon + 1)..<line.contentEnd])
        }
        finish()
        return MessageHeaders(fields)
    }
}
