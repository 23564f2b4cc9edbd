import Foundation
import MessageStore
import Testing

/// `ReplyEmail`: an RFC 5322 message that mail software (and our own parsers) can read back.
@Suite struct ReplyEmailTests {
    /// Header fields unfolded, by lower-cased name, and the body.
    func parse(_ message: String) -> (headers: [String: String], body: String) {
        let parts = message.components(separatedBy: "\r\n\r\n")
        var headers: [String: String] = [:]
        var last: String?
        for line in parts[0].components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = last {
                headers[name, default: ""] += line
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let byte = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aRecordedReplyBecomesAThreadedEmailToTheRelay() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        let t0 = at("2026-03-03T09:00:00Z")
        try load(
            database,
            [
                f.make(
                    .buyer, t0, thread: nil, subject: "Frage von Amazon-Kunde Jörg (Bestellung: 302-1234567-1234567)",
                    orderID: "302-1234567-1234567", alias: "abc", replyAddress: "abc+5f@marketplace.amazon.de",
                    messageID: "<q2@amazon.de>", references: ["<q1@amazon.de>"])
            ])
        let body = "Hallo Jörg,\n\ndie Tasse ist unterwegs. " + String(repeating: "Danke! ", count: 15) + "\nGrüße  "
        guard
            case let .recorded(reply) = try database.recordReply(
                thread: 1, draft: .init(body: body), at: t0 + hour, linter: try testLinter(), messageIDDomain: "shop.example")
        else {
            Issue.record("refused")
            return
        }
        let email = try ReplyEmail(reply: reply, from: "orders@shop.example")
        let (headers, encodedBody) = parse(email.rendered)
        #expect(headers["from"] == "orders@shop.example")
        #expect(headers["to"] == "abc+5f@marketplace.amazon.de")
        #expect(headers["date"] == "Tue, 03 Mar 2026 10:00:00 +0000")
        #expect(headers["message-id"] == "<parley.1.2.20260303100000@shop.example>")
        #expect(headers["in-reply-to"] == "<q2@amazon.de>")
        #expect(headers["references"] == "<q1@amazon.de> <q2@amazon.de>")
        #expect(headers["mime-version"] == "1.0")
        #expect(headers["content-type"] == "text/plain; charset=UTF-8")
        #expect(headers["content-transfer-encoding"] == "quoted-printable")
        #expect(headers["subject"]?.hasPrefix("=?UTF-8?B?") == true)
        let subjectWords = (headers["subject"] ?? "").split(separator: " ").map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data(), as: UTF8.self)
        }
        #expect(subjectWords.joined() == "Re: Frage von Amazon-Kunde Jörg (Bestellung: 302-1234567-1234567)")
        #expect(encodedBody.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(decodeQuotedPrintable(encodedBody) == body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(encodedBody.hasSuffix("Gr=C3=BC=C3=9Fe =20\r\n"))
    }

    @Test func plainAsciiIsSevenBit() {
        let email = ReplyEmail(
            from: "a@b.example", to: "x@marketplace.amazon.com", subject: "Re: Hi", date: at("2026-01-01T00:00:00Z"),
            messageID: "id@b.example", inReplyTo: nil, references: [], body: "Line one\nLine two\n")
        #expect(
            email.rendered == """
                From: a@b.example\r
                To: x@marketplace.amazon.com\r
                Subject: Re: Hi\r
                Date: Thu, 01 Jan 2026 00:00:00 +0000\r
                Message-ID: <id@b.example>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: 7bit\r
                \r
                Line one\r
                Line two\r

                """)
    }

    @Test func aThreadWithoutARelayAddressCannotBeMailed() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(database, [f.make(.buyer, at("2026-03-03T09:00:00Z"))])
        guard
            case let .recorded(reply) = try database.recordReply(
                thread: 1, draft: .init(body: "Hi"), at: at("2026-03-03T10:00:00Z"), linter: try testLinter())
        else { return }
        #expect(throws: StoreError.noReplyAddress(thread: 1)) { try ReplyEmail(reply: reply, from: "a@b.example") }
    }
}
