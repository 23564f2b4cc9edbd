import Foundation

/// A recorded reply as a ready-to-send RFC 5322 message to the buyer's relay address: plain text in
/// UTF-8, threaded with In-Reply-To and References. Lines end in CRLF.
public struct ReplyEmail: Sendable, Hashable {
    public var from: String
    public var to: String
    public var subject: String
    public var date: Date
    /// Without angle brackets.
    public var messageID: String
    public var inReplyTo: String?
    public var references: [String]
    public var body: String

    public init(
        from: String, to: String, subject: String, date: Date, messageID: String, inReplyTo: String?, references: [String], body: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.body = body
    }

    /// The email for a recorded reply, from the seller's registered address `from`.
    public init(reply: RecordedReply, from: String) throws {
        guard let to = reply.thread.replyAddress else { throw StoreError.noReplyAddress(thread: reply.thread.id ?? 0) }
        self.init(
            from: from, to: to, subject: reply.message.subject, date: reply.message.sentAt,
            messageID: reply.message.rfcMessageID ?? reply.message.externalID, inReplyTo: reply.message.inReplyTo,
            references: reply.message.referenceIDs, body: reply.message.body)
    }

    /// The whole message.
    public var rendered: String {
        let (encoding, encodedBody) = Self.encodeBody(body)
        var headers = [
            "From: \(from)",
            "To: \(to)",
            Self.fold("Subject: " + Self.encodeHeaderText(subject)),
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
        ]
        if let inReplyTo { headers.append("In-Reply-To: <\(inReplyTo)>") }
        if !references.isEmpty { headers.append(Self.fold("References: " + references.map { "<\($0)>" }.joined(separator: " "))) }
        headers += [
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: \(encoding)",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody
    }

    /// `Tue, 03 Mar 2026 12:00:00 +0000`, always in UTC, never localised.
    static func rfc5322Date(_ date: Date) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let c = Calendar.utc.dateComponents([.weekday, .year, .month, .day, .hour, .minute, .second], from: date)
        let weekday = days[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", weekday, c.day ?? 1, month, c.year ?? 1970, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// The subject as is when it is printable ASCII, else RFC 2047 encoded words (base64 UTF-8),
    /// each at most 75 characters and never splitting a character.
    static func encodeHeaderText(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    /// Folds a header at spaces so no line passes 78 characters where that is possible; the field
    /// name stays on the line with the first word of its value.
    static func fold(_ header: String) -> String {
        var lines: [String] = []
        var current = ""
        for (index, word) in header.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 1, current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += (index == 0 ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// `7bit` for short-lined ASCII text, else quoted-printable; lines end in CRLF.
    static func encodeBody(_ body: String) -> (encoding: String, text: String) {
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let isPlain = lines.allSatisfy { line in
            line.utf8.count <= 998 && line.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value < 0x7F) || $0 == "\t" }
        }
        if isPlain { return ("7bit", lines.joined(separator: "\r\n") + (body.hasSuffix("\n") ? "" : "\r\n")) }
        let encoded = lines.map(quotedPrintable).joined(separator: "\r\n")
        return ("quoted-printable", encoded + (body.hasSuffix("\n") ? "" : "\r\n"))
    }

    /// One line in quoted-printable (RFC 2045 §6.7): soft breaks keep lines within 76 characters,
    /// and trailing white space is encoded.
    static func quotedPrintable(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var tokens: [String] = []
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            switch byte {
            case 0x21...0x3C, 0x3E...0x7E: tokens.append(String(UnicodeScalar(byte)))
            case 0x20 where !isLast, 0x09 where !isLast: tokens.append(String(UnicodeScalar(byte)))
            default: tokens.append(String(format: "=%02X", byte))
            }
        }
        var out = ""
        var width = 0
        for token in tokens {
            if width + token.count > 75 {
                out += "=\r\n"
                width = 0
            }
            out += token
            width += token.count
        }
        return out
    }
}
