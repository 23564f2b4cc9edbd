/// A message split into its header fields and its body bytes (still transfer-encoded).
///
/// Everything up to the first empty line is the header block; a message without one is all headers.
/// Parsing never fails: garbage lines are skipped and what can be read is kept.
public struct RFC5322Message: Sendable {
    public var headers: MessageHeaders
    public var body: [UInt8]

    public init(headers: MessageHeaders, body: [UInt8]) {
        self.headers = headers
        self.body = body
    }

    public init(bytes: [UInt8]) {
        var lines: [ByteLine] = []
        var start = 0
        var bodyStart = bytes.count
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = min(end + 1, bytes.count)
            if contentEnd == start {
                bodyStart = next
                break
            }
            lines.append(ByteLine(start: start, contentEnd: contentEnd, end: next))
            start = next
        }
        self.headers = MessageHeaders.parse(bytes, lines: lines)
        self.body = Array(bytes[min(bodyStart, bytes.count)...])
    }

    public var subject: String { headers["Subject"]?.text ?? "" }

    /// The first address of `From` (a broken mail may carry several `From` fields or addresses).
    public var from: MailAddress? {
        for field in headers.all("From") {
            if let address = MailAddress.parseList(field.rawValue).first { return address }
        }
        return nil
    }

    public func addresses(_ name: String) -> [MailAddress] {
        headers.all(name).flatMap { MailAddress.parseList($0.rawValue) }
    }

    /// `Date`, else the newest `Received` time stamp (the first such field), else nil.
    public var date: MailDate? {
        for field in headers.all("Date") {
            if let date = MailDate.parse(field.rawValue) { return date }
        }
        for field in headers.all("Received") {
            if let semicolon = field.rawValue.lastIndex(of: ";"),
                let date = MailDate.parse(String(field.rawValue[field.rawValue.index(after: semicolon)...]))
            {
                return date
            }
        }
        return nil
    }

    public var messageID: String? { headers["Message-ID"].flatMap { MessageIDList.parse($0.rawValue).first } }
    public var inReplyTo: String? { headers["In-Reply-To"].flatMap { MessageIDList.parse($0.rawValue).first } }
    public var references: [String] { headers.all("References").flatMap { MessageIDList.parse($0.rawValue) } }
}
