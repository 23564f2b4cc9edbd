import Foundation

/// Reads a single `.eml` file: one message (a leading mbox `From ` line is ignored as garbage).
public struct EMLReader: Sendable {
    public let parser: MailParser

    public init(parser: MailParser) {
        self.parser = parser
    }

    /// `fileDate` (the file's modification time) is the last resort for a message without `Date`,
    /// `Received` or a leading `From ` line.
    public func read(_ bytes: [UInt8], file: String, fileDate: Date? = nil, _ handle: (ImportEvent) throws -> Void)
        rethrows
    {
        let position = SourcePosition(file: file)
        var date = fileDate
        if bytes.hasBytes(Array("From ".utf8), at: 0), let line = bytes.byteLines(in: 0..<min(bytes.count, 1000)).first,
            let stamp = MboxReader.asctimeDate(afterSender: Charset.headerText(bytes[(line.start + 5)..<line.contentEnd]))
        {
            date = stamp.date
        }
        for event in parser.events(bytes, source: position, fallbackDate: date) { try handle(event) }
    }
}
