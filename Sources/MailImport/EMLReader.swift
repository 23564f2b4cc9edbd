/// Reads a single `.eml` file: one message (a leading mbox `From ` line is ignored as garbage).
public struct EMLReader: Sendable {
    public let parser: MailParser

    public init(parser: MailParser) {
        self.parser = parser
    }

    public func read(
        _ bytes: [UInt8], file: String, fallbackDate: MailDate? = nil, _ handle: (ImportEvent) throws -> Void
    ) rethrows {
        let position = SourcePosition(file: file)
        var date = fallbackDate
        if date == nil, bytes.hasBytes(Array("From ".utf8), at: 0), let line = bytes.byteLines(in: 0..<min(bytes.count, 1000)).first {
            date = MboxReader.asctimeDate(afterSender: Charset.headerText(bytes[(line.start + 5)..<line.contentEnd]))
        }
        for event in parser.events(bytes, source: position, fallbackDate: date?.date) { try handle(event) }
    }
}
