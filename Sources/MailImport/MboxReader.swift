/// Reads an mbox file: messages separated by `From ` lines (mboxo and mboxrd), CRLF or LF.
///
/// A separator is a `From ` line whose envelope sender is followed by an asctime date (every mbox
/// writer puts one there), or the file's first line; an unquoted `From ` in a body (mboxo leaves
/// some) has no date and stays text. In `mboxrd`, one `>` is removed from every `>…>From ` line; in
/// `mboxo` only `>From ` is unquoted (the two cannot be told apart from the file, and mboxrd's rule
/// loses nothing for mboxrd files). Messages are numbered from 1 for error positions.
public struct MboxReader: Sendable {
    public enum Variant: Sendable {
        case mboxrd, mboxo
    }

    public let parser: MailParser
    public var variant: Variant

    public init(parser: MailParser, variant: Variant = .mboxrd) {
        self.parser = parser
        self.variant = variant
    }

    public func read(_ bytes: [UInt8], file: String, _ handle: (ImportEvent) throws -> Void) rethrows {
        let lines = bytes.byteLines()
        let fromPrefix = Array("From ".utf8)
        var number = 0
        var current: [UInt8] = []
        var currentDate: MailDate?
        var started = false
        var skippedPreamble = false
        var lineIsFirst = true

        func finish() throws {
            guard started else { return }
            number += 1
            // The empty line that precedes the next separator belongs to the mbox, not the message.
            if current.last == 0x0A {
                var cut = current.count - 1
                if cut > 0, current[cut - 1] == 0x0D { cut -= 1 }
                if cut > 0, current[cut - 1] == 0x0A { current.removeSubrange(cut...) }
            }
            let position = SourcePosition(file: file, messageNumber: number)
            for event in parser.events(current, source: position, fallbackDate: currentDate?.date) { try handle(event) }
            current = []
        }

        for line in lines {
            let isFromLine = bytes.hasBytes(fromPrefix, at: line.start)
            if isFromLine {
                let rest = Charset.headerText(bytes[(line.start + fromPrefix.count)..<line.contentEnd])
                let stamp = Self.asctimeDate(afterSender: rest)
                if stamp != nil || (!started && lineIsFirst) {
                    try finish()
                    started = true
                    currentDate = stamp
                    lineIsFirst = false
                    continue
                }
            }
            lineIsFirst = false
            guard started else {
                if !line.isEmpty { skippedPreamble = true }
                continue
            }
            current += unquoted(bytes, line)
        }
        try finish()
        if skippedPreamble {
            let message = number == 0 ? "no 'From ' separator line: not an mbox file" : "text before the first 'From ' line was skipped"
            try handle(.issue(ImportIssue(position: SourcePosition(file: file, line: 1), message: message)))
        }
    }

    private func unquoted(_ bytes: [UInt8], _ line: ByteLine) -> ArraySlice<UInt8> {
        var index = line.start
        while index < line.contentEnd, bytes[index] == 0x3E { index += 1 }  // >
        let depth = index - line.start
        guard depth > 0, bytes.hasBytes(Array("From ".utf8), at: index) else { return bytes[line.start..<line.end] }
        switch variant {
        case .mboxrd: return bytes[(line.start + 1)..<line.end]
        case .mboxo: return depth == 1 ? bytes[(line.start + 1)..<line.end] : bytes[line.start..<line.end]
        }
    }

    /// The date of `sender Tue May 10 11:28:07 2005` (time zone unknown, read as UTC), if any.
    static func asctimeDate(afterSender rest: String) -> MailDate? {
        guard let space = rest.firstIndex(of: " ") else { return nil }
        let stamp = rest[rest.index(after: space)...]
        guard stamp.contains(":"), stamp.contains(where: \.isLetter) else { return nil }
        return MailDate.parse(String(stamp))
    }
}
