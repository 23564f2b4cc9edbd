import Foundation
import MailImport
import TestSupport
import Testing

/// Builds a mail from lines joined with CRLF.
func mail(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }

func parse(_ bytes: [UInt8], sellerAddresses: Set<String> = []) throws -> ImportedMessage {
    let parsed = try ImportReader(sellerAddresses: sellerAddresses).parse(bytes, format: .eml, file: "test.eml")
    #expect(parsed.issues.isEmpty, "\(parsed.issues)")
    return try #require(parsed.messages.first)
}

struct TransferEncodingTests {
    @Test func quotedPrintableSoftBreaksAndBadEscapes() {
        let input = "caf=C3=A9 au=\r\n lait=  \nnext=3d=3Dend =ZZ =4 done="
        #expect(String(decoding: QuotedPrintable.decode(Array(input.utf8)), as: UTF8.self) == "café au laitnext==end =ZZ =4 done")
    }

    @Test func base64ToleratesWhiteSpaceJunkAndMissingPadding() {
        #expect(Base64.decode(Array("SGVs\r\nbG8g d29y\tbGQ".utf8)) == Array("Hello world".utf8))
        #expect(Base64.decode(Array("SGk".utf8)) == Array("Hi".utf8))
        #expect(Base64.decode(Array("SGk=".utf8)) == Array("Hi".utf8))
        #expect(Base64.decode(Array("SGk=SGk=".utf8)) == Array("HiHi".utf8))
        #expect(Base64.decode(Array("!!S*G#k".utf8)) == Array("Hi".utf8))
    }

    @Test func unknownEncodingsKeepTheBody() {
        #expect(ContentTransferEncoding(headerValue: "x-uuencode").decode([1, 2, 3]) == [1, 2, 3])
        #expect(ContentTransferEncoding(headerValue: "7-bit") == .sevenBit)
        #expect(ContentTransferEncoding(headerValue: "Quoted-Printable;") == .quotedPrintable)
        #expect(ContentTransferEncoding(headerValue: nil) == .sevenBit)
    }
}

struct ParameterTests {
    @Test func rfc2231ContinuationsAndCharsets() {
        let header = "attachment; filename*0*=UTF-8'de'Gr%C3%BC%C3%9Fe; filename*1*=%20aus%20K%C3%B6ln;\r\n filename*2=\".txt\""
        #expect(HeaderParameters.parse(header)["filename"] == "Grüße aus Köln.txt")
        #expect(HeaderParameters.parse("attachment; filename*=iso-8859-1''caf%E9.pdf")["filename"] == "café.pdf")
        #expect(HeaderParameters.parse("attachment; filename*=''plain.txt; filename=\"other.txt\"")["filename"] == "plain.txt")
    }

    @Test func quotedUnquotedAndDamagedParameters() {
        let type = HeaderParameters.parse("Multipart/Mixed; boundary=\"a;b=c\"; CHARSET=utf-8;;")
        #expect(type.value == "multipart/mixed")
        #expect(type["boundary"] == "a;b=c")
        #expect(type["charset"] == "utf-8")
        #expect(HeaderParameters.parse("text/plain; name=This is a test.txt")["name"] == "This is a test.txt")
        #expect(HeaderParameters.parse("text/plain charset=utf-8")["charset"] == "utf-8")
        #expect(HeaderParameters.parse("text/plain; name=\"=?UTF-8?B?w6kudHh0?=\"")["name"] == "é.txt")
        #expect(HeaderParameters.parse("text/plain; name=\"unterminated")["name"] == "unterminated")
        #expect(HeaderParameters.parse("").value == "")
    }
}

struct CharsetBodyTests {
    func body(charset: String, encoding: String, bytes: [UInt8]) throws -> (String, [ImportIssue]) {
        let head = mail([
            "From: a@example.com", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Content-Type: text/plain; charset=\(charset)",
            "Content-Transfer-Encoding: \(encoding)", "", "",
        ])
        let parsed = try ImportReader().parse(head + bytes, format: .eml, file: "c.eml")
        return (try #require(parsed.messages.first).body, parsed.warnings)
    }

    @Test func japaneseChineseCyrillicAndWesternBodies() throws {
        #expect(try body(charset: "ISO-2022-JP", encoding: "7bit", bytes: Array("\u{1B}$B%F%9%H\u{1B}(B OK".utf8)).0 == "テスト OK")
        #expect(try body(charset: "Shift_JIS", encoding: "8bit", bytes: [0x83, 0x65, 0x83, 0x58, 0x83, 0x67]).0 == "テスト")
        #expect(try body(charset: "euc-jp", encoding: "8bit", bytes: [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC]).0 == "日本語")
        #expect(try body(charset: "gb2312", encoding: "8bit", bytes: [0xD6, 0xD0, 0xCE, 0xC4]).0 == "中文")
        #expect(try body(charset: "GBK", encoding: "base64", bytes: Array("1tDOxA".utf8)).0 == "中文")
        #expect(try body(charset: "big5", encoding: "8bit", bytes: [0xA4, 0xA4, 0xA4, 0xE5]).0 == "中文")
        #expect(try body(charset: "koi8-r", encoding: "8bit", bytes: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]).0 == "Привет")
        #expect(
            try body(charset: "windows-1252", encoding: "quoted-printable", bytes: Array("=93Hi=94 =80 caf=E9".utf8)).0 == "“Hi” € café")
        #expect(try body(charset: "iso-8859-15", encoding: "8bit", bytes: [0xA4]).0 == "€")
        #expect(try body(charset: "windows-1250", encoding: "8bit", bytes: [0x8A, 0xE8]).0 == "Šč")
        #expect(try body(charset: "iso-8859-2", encoding: "8bit", bytes: [0xB1, 0xEA]).0 == "ąę")
    }

    @Test func undecodableTextIsKeptAndReported() throws {
        let (text, warnings) = try body(charset: "x-klingon", encoding: "8bit", bytes: [0x63, 0x61, 0x66, 0xE9])
        #expect(text == "café")
        #expect(warnings.map(\.message) == ["unknown charset 'x-klingon'; read as Windows-1252"])
        let (ascii, asciiWarnings) = try body(charset: "us-ascii", encoding: "8bit", bytes: Array("naïve".utf8))
        #expect(ascii == "naïve")
        #expect(asciiWarnings.isEmpty)
    }
}

struct MIMETreeTests {
    @Test func alternativePrefersPlainTextAndAttachmentsAreCounted() throws {
        let message = try parse(
            mail([
                "From: Ann <ann@example.com>", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=",
                "Content-Type: multipart/mixed; boundary=\"outer\"", "", "preamble", "--outer",
                "Content-Type: multipart/alternative; boundary=outer_alt", "", "--outer_alt",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                "Hello =E2=82=AC soft=", "break", "--outer_alt", "Content-Type: text/html", "", "<p>Hello</p>",
                "--outer_alt--", "--outer", "Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", "", "JVBERi0", "--outer",
                "Content-Type: image/png; name=\"=?UTF-8?B?w7xiZXIucG5n?=\"", "Content-Transfer-Encoding: base64", "",
                "iVBORw0KGgo=", "--outer--", "epilogue",
            ]))
        #expect(message.subject == "Grüße")
        #expect(message.body == "Hello € softbreak")
        #expect(message.attachments == [ImportedAttachment(name: "résumé.pdf", bytes: 5), ImportedAttachment(name: "über.png", bytes: 8)])
        #expect(message.senderAddress == "ann@example.com")
    }

    @Test func htmlOnlyMailBecomesText() throws {
        let message = try parse(
            mail([
                "From: a@example.com", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Content-Type: text/html; charset=utf-8", "",
                "<html><head><title>T</title><style>p{color:red}</style></head><body>",
                "<script>alert('x')</script><p>Dear&nbsp;buyer,</p><p>Line&#160;one<br>line &lt;two&gt; &amp; &eacute;&#x263A;</p>",
                "<!-- hidden --><ul><li>first</li><li>second</li></ul><pre>  kept\n    as is</pre></body></html>",
            ]))
        #expect(message.body == "Dear buyer,\n\nLine one\nline <two> & é☺\n\n- first\n- second\n  kept\n    as is")
    }

    @Test func missingContentTypesAndBoundaries() throws {
        // A multipart without its boundary is kept as text; a part without Content-Type is text/plain.
        let noBoundary = try parse(
            mail(["From: a@example.com", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Content-Type: multipart/mixed", "", "just text"]))
        #expect(noBoundary.body == "just text")
        let untyped = try parse(
            mail([
                "From: a@example.com", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "", "part without headers", "--b",
            ]))
        #expect(untyped.body == "part without headers")
    }

    @Test func nestedMessagesAreAttachmentsNotBody() throws {
        let message = try parse(
            mail([
                "From: a@example.com", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "See attached.", "--b", "Content-Type: message/rfc822", "",
                "Subject: Inner", "Content-Type: text/plain", "", "inner body", "--b--",
            ]))
        #expect(message.body == "See attached.")
        #expect(message.attachments == [ImportedAttachment(name: "Inner.eml", bytes: 54)])
    }

    @Test func deepNestingDoesNotExhaustTheStack() throws {
        var lines = ["From: a@example.com", "Date: Mon, 2 Mar 2026 10:00:00 +0000", "Content-Type: multipart/mixed; boundary=b0", ""]
        for depth in 0..<500 { lines += ["--b\(depth)", "Content-Type: multipart/mixed; boundary=b\(depth + 1)", ""] }
        lines += ["--b500", "", "deep"]
        _ = try parse(mail(lines))
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("From: =?Q?B?=\r\n-<>\"';:,boundary=--x\tContent-Type: multipart/mixed; \u{1B}$B".utf8) + [0x00, 0xFF, 0xC3]
        let reader = try ImportReader()
        for _ in 0..<300 {
            let length = Int(generator.next() % 400)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            for format in [ImportFormat.eml, .mbox, .jsonl, .csv] {
                _ = reader.parse(Array("Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n".utf8) + bytes, format: format, file: "fuzz")
            }
        }
    }
}
