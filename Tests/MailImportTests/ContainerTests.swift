import Foundation
import MailImport
import TestSupport
import Testing

struct MboxReaderTests {
    static let mbox = [
        "From buyer@example.org Tue Mar  3 13:05:00 2026",
        "From: buyer@example.org", "Subject: one", "Date: Tue, 03 Mar 2026 14:05:00 +0100", "Message-ID: <m1@example.org>", "",
        "First body.", ">From the start of a line, quoted once.", ">>From quoted twice.", "", "From nobody special",
        "From shop@example.com Wed Mar  4 09:00:00 2026",
        "From: shop@example.com", "Subject: two", "Message-ID: <m2@example.com>", "", "Second body, no Date header.", "",
        "From buyer@example.org Thu Mar  5 10:00:00 2026",
        "From: buyer@example.org", "Subject: three", "Date: garbage", "", "Third.", "",
    ]

    @Test func mboxrdWithThreeMessagesLF() throws {
        let parsed = try ImportReader(sellerAddresses: ["shop@example.com"]).parse(
            Array(Self.mbox.joined(separator: "\n").utf8), format: .mbox, file: "Inbox.mbox")
        #expect(parsed.issues.isEmpty)
        #expect(parsed.messages.map(\.subject) == ["one", "two", "three"])
        #expect(parsed.messages.map(\.source.messageNumber) == [1, 2, 3])
        #expect(parsed.messages.map(\.direction) == [.buyer, .seller, .buyer])
        // "From nobody special" has no envelope date, so it is body text (mboxo writers leave such lines).
        #expect(
            parsed.messages[0].body
                == "First body.\nFrom the start of a line, quoted once.\n>From quoted twice.\n\nFrom nobody special")
        #expect(parsed.messages[1].sentAt == ISO8601DateFormatter().date(from: "2026-03-04T09:00:00Z"))
        #expect(parsed.messages[2].sentAt == ISO8601DateFormatter().date(from: "2026-03-05T10:00:00Z"))
        #expect(
            parsed.warnings.map(\.description) == [
                "Inbox.mbox: message 2: no usable Date header; dated by its mailbox entry or file time",
                "Inbox.mbox: message 3: no usable Date header; dated by its mailbox entry or file time",
            ])
    }

    @Test func crlfAndMboxoGiveTheSameMessages() throws {
        let parser = try MailParser()
        var crlf: [ImportedMessage] = []
        MboxReader(parser: parser, variant: .mboxo).read(Array(Self.mbox.joined(separator: "\r\n").utf8), file: "x") {
            if case .message(let message) = $0 { crlf.append(message) }
        }
        #expect(crlf.map(\.subject) == ["one", "two", "three"])
        // mboxo unquotes one level only for `>From `; `>>From ` stays.
        #expect(
            crlf[0].body == "First body.\nFrom the start of a line, quoted once.\n>>From quoted twice.\n\nFrom nobody special")
    }

    @Test func aFileWithoutSeparatorsIsReported() throws {
        let parsed = try ImportReader().parse(Array("Subject: x\n\nbody\n".utf8), format: .mbox, file: "bad.mbox")
        #expect(parsed.messages.isEmpty)
        #expect(parsed.issues.map(\.description) == ["bad.mbox:1: no 'From ' separator line: not an mbox file"])
    }
}

struct MaildirReaderTests {
    @Test func curAndNewAreReadInDeliveryOrder() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try write("cur/1772500000.M1P1.host:2,RS", "From: a@example.org\nSubject: seen\nDate: Tue, 03 Mar 2026 01:00:00 +0000\n\nold")
        try write("new/1772600000.M2P2.host", "From: b@example.org\nSubject: undated\n\nnew")
        try write("tmp/1772700000.M3P3.host", "From: c@example.org\nSubject: in delivery\n\nskip")
        try write("cur/.hidden", "not a message")
        let parsed = try ImportReader.read(path: root.path, format: .auto)
        #expect(parsed.messages.map(\.subject) == ["undated", "seen"])
        #expect(parsed.messages[0].sentAt == Date(timeIntervalSince1970: 1_772_600_000))
        #expect(parsed.messages[0].source.file.hasSuffix("new/1772600000.M2P2.host"))
        #expect(MaildirReader.FileName("1772500000.M1P1.host:2,RS").flags == ["R", "S"])
        #expect(MaildirReader.FileName("1772500000.M1P1.host!2,T").flags == ["T"])
        #expect(MaildirReader.FileName("1772500000.M1P1.host").deliveredAt == Date(timeIntervalSince1970: 1_772_500_000))
    }

    @Test func aDirectoryThatIsNoMaildirIsAnError() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ImportReadError.notMaildir(path: root.path)) { try ImportReader.read(path: root.path, format: .maildir) }
    }
}

struct JSONLReaderTests {
    static let lines = [
        #"{"id":"m-1","thread":"t-1","order_id":"111-0000000-0000001","from":"buyer","at":"2026-03-01T09:30:00+01:00","subject":"Where is it?","body":"Line 1\r\nLine 2","no_response_needed":false,"auto_reply":false,"attachments":[{"name":"photo.jpg","bytes":2048}]}"#,
        "",
        #"{"id":42,"thread":"t-1","from":"SELLER","at":"2026-03-01T10:00:00Z","body":"On its way.","auto_reply":1}"#,
        #"{"id":"m-3","from":"buyer","at":"2026-03-01 10:00"}"#,
        #"{"thread":"t-2","from":"amazon","at":"2026-03-02T08:00:00-05:00","subject":"Return authorization request for order # 111-0000000-0000002","no_response_needed":"yes"}"#,
        #"not json"#,
        #"{"id":"m-5","from":"customer","at":"2026-03-01T10:00:00Z"}"#,
        #"{"id":"m-6","from":"buyer","at":"2026-03-01T10:00:00Z","attachments":[{"name":"a.pdf","bytes":-1}]}"#,
        #"[1,2]"#,
        #"{"id":"m-8","from":"buyer","at":"2026-03-01T10:00:00Z","auto_reply":"perhaps"}"#,
        #"{"id":true,"from":"buyer","at":"2026-03-01T10:00:00Z"}"#,
        #"{"id":"m-10","from":"buyer","at":"2026-03-01T10:00:00Z","attachments":[{"name":"huge","bytes":1e300}]}"#,
    ]

    @Test func recordsAndBadLinesWithTheirLineNumbers() throws {
        let parsed = try ImportReader().parse(Array(Self.lines.joined(separator: "\n").utf8), format: .jsonl, file: "export.jsonl")
        #expect(parsed.messages.count == 3)
        let first = parsed.messages[0]
        #expect(first.externalID == "m-1")
        #expect(first.threadKey == "t-1")
        #expect(first.orderID == "111-0000000-0000001")
        #expect(first.direction == .buyer)
        #expect(first.sentAt == ISO8601DateFormatter().date(from: "2026-03-01T08:30:00Z"))
        #expect(first.subject == "Where is it?")
        #expect(first.body == "Line 1\nLine 2")
        #expect(first.attachments == [ImportedAttachment(name: "photo.jpg", bytes: 2048)])
        #expect(first.source == SourcePosition(file: "export.jsonl", line: 1))
        let second = parsed.messages[1]
        #expect(second.externalID == "42")
        #expect(second.direction == .seller)
        #expect(second.isAutoReply)
        #expect(second.source.line == 3)
        let third = parsed.messages[2]
        #expect(third.direction == .amazon)
        #expect(third.kind == .returnRequest)
        #expect(third.noResponseNeeded)
        #expect(third.externalID.hasPrefix("fnv1a64:"))
        #expect(third.threadKey == "t-2")
        #expect(
            parsed.issues.map(\.description) == [
                "export.jsonl:4: 'at' is '2026-03-01 10:00', expected ISO 8601 with an offset (2026-03-01T09:30:00+01:00)",
                "export.jsonl:6: not valid JSON",
                "export.jsonl:7: 'from' is 'customer', expected buyer, seller or amazon",
                "export.jsonl:8: attachment 'a.pdf' needs 'bytes' as a whole number ≥ 0",
                "export.jsonl:9: not a JSON object",
                "export.jsonl:10: 'auto_reply' must be true or false",
                "export.jsonl:11: 'id' must be a string",
                "export.jsonl:12: attachment 'huge' needs 'bytes' as a whole number ≥ 0",
            ])
    }

    @Test func reimportingGivesTheSameIDs() throws {
        let reader = try ImportReader()
        let bytes = Array(Self.lines.joined(separator: "\n").utf8)
        #expect(
            reader.parse(bytes, format: .jsonl, file: "a").messages.map(\.externalID)
                == reader.parse(bytes, format: .jsonl, file: "b").messages.map(\.externalID))
    }
}

struct CSVReaderTests {
    static let csv = [
        "id,thread,order_id,from,at,subject,body,no_response_needed,auto_reply,attachments,extra",
        "c-1,t-1,111-0000000-0000001,buyer,2026-03-01T09:30:00+01:00,\"Hello, seller\",\"Line one",
        "line \"\"two\"\"\",false,false,photo.jpg:2048;scan:v2.pdf:10,ignored",
        "c-2,t-1,,seller,2026-03-01T10:00:00Z,Re,Done,,true,,",
        "",
        "c-3,t-1,,buyer,not a date,x,y,false,false,,",
        "c-4,t-1,,buyer,2026-03-01T10:00:00Z,x,y,false,false",
        "c-5,t-1,,buyer,2026-03-01T10:00:00Z,x,y,maybe,false,,",
        "c-6,t-1,,buyer,2026-03-01T10:00:00Z,x,y,false,false,photo.jpg,",
        "c-7,t-1,,buyer,2026-03-01T10:00:00Z,\"bad\"quote,y,false,false,,",
        "c-8,t-1,,buyer,2026-03-01T10:00:00Z,last,\"ok\",1,0,,",
    ]

    @Test func rfc4180RecordsAndBadRowsWithTheirLines() throws {
        let parsed = try ImportReader().parse(Array(Self.csv.joined(separator: "\r\n").utf8), format: .csv, file: "export.csv")
        #expect(parsed.messages.map(\.externalID) == ["c-1", "c-2", "c-8"])
        let first = parsed.messages[0]
        #expect(first.subject == "Hello, seller")
        #expect(first.body == "Line one\nline \"two\"")
        #expect(
            first.attachments == [ImportedAttachment(name: "photo.jpg", bytes: 2048), ImportedAttachment(name: "scan:v2.pdf", bytes: 10)])
        #expect(first.orderID == "111-0000000-0000001")
        #expect(first.source.line == 2)
        #expect(parsed.messages[1].isAutoReply)
        #expect(parsed.messages[1].orderID == nil)
        #expect(parsed.messages[1].source.line == 4)
        #expect(parsed.messages[2].noResponseNeeded)
        #expect(parsed.messages[2].source.line == 11)
        #expect(
            parsed.issues.map(\.description) == [
                "export.csv:6: 'at' is 'not a date', expected ISO 8601 with an offset (2026-03-01T09:30:00+01:00)",
                "export.csv:7: expected 11 fields, found 9",
                "export.csv:8: 'no_response_needed' is 'maybe', expected true or false",
                "export.csv:9: attachment 'photo.jpg' is not name:bytes",
                "export.csv:10: text after a closing quote",
            ])
    }

    @Test func theHeaderRowIsRequired() throws {
        let parsed = try ImportReader().parse(Array("c-1,buyer,2026-03-01T10:00:00Z\n".utf8), format: .csv, file: "h.csv")
        #expect(parsed.messages.isEmpty)
        #expect(parsed.issues.count == 1)
        #expect(parsed.issues.first?.position == SourcePosition(file: "h.csv", line: 1))
        #expect(
            parsed.issues.map(\.description) == [
                "h.csv:1: the first row must name the columns (id, thread, order_id, from, at, subject, body, "
                    + "no_response_needed, auto_reply, attachments); missing from and at"
            ])
    }

    @Test func anUnclosedQuoteIsReportedAtItsRecord() throws {
        let text = "from,at,body\nbuyer,2026-03-01T10:00:00Z,fine\nbuyer,2026-03-01T10:00:00Z,\"never closed\nmore\n"
        let parsed = try ImportReader().parse(Array(text.utf8), format: .csv, file: "q.csv")
        #expect(parsed.messages.count == 1)
        #expect(parsed.issues.map(\.description) == ["q.csv:3: a quoted field starting on line 3 is never closed"])
    }
}

struct FormatDetectionTests {
    @Test func contentSniffing() {
        #expect(FormatDetector.format(ofContent: Array("From a@b Tue Mar  3 13:05:00 2026\n".utf8)) == .mbox)
        #expect(FormatDetector.format(ofContent: Array("\u{FEFF}  {\"id\":1}".utf8)) == .jsonl)
        #expect(FormatDetector.format(ofContent: Array("id,thread,from,at,body\n".utf8)) == .csv)
        #expect(FormatDetector.format(ofContent: Array("\"from\",\"at\"\r\n".utf8)) == .csv)
        #expect(FormatDetector.format(ofContent: Array("Return-Path: <a@b>\nSubject: x\n".utf8)) == .eml)
        #expect(FormatDetector.format(ofContent: Array("hello world".utf8)) == nil)
        #expect(FormatDetector.format(ofContent: []) == nil)
    }

    @Test func extensionsAndFilesOnDisk() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let jsonl = root.appendingPathComponent("export.txt")
        try Data(#"{"id":"x","from":"buyer","at":"2026-03-01T10:00:00Z","body":"hi"}"#.utf8).write(to: jsonl)
        #expect(try FormatDetector.format(of: jsonl) == .jsonl)
        let parsed = try ImportReader.read(path: jsonl.path)
        #expect(parsed.messages.map(\.body) == ["hi"])
        let mbox = root.appendingPathComponent("box")
        try Data(MboxReaderTests.mbox.joined(separator: "\n").utf8).write(to: mbox)
        #expect(try ImportReader.read(path: mbox.path).messages.count == 3)
        let csv = root.appendingPathComponent("odd.CSV")
        try Data("from,at\nbuyer,2026-03-01T10:00:00Z\n".utf8).write(to: csv)
        #expect(try FormatDetector.format(of: csv) == .csv)
        let unknown = root.appendingPathComponent("notes")
        try Data("hello".utf8).write(to: unknown)
        #expect(throws: ImportReadError.unknownFormat(path: unknown.path)) { try ImportReader.read(path: unknown.path) }
        let missing = root.appendingPathComponent("missing.eml").path
        #expect(throws: ImportReadError.self) { try ImportReader.read(path: missing) }
        let fixture = Fixtures.shared.appendingPathComponent("fixtures/email/ruby-mail/emails/attachment_emails/attachment_pdf.eml")
        #expect(try FormatDetector.format(of: fixture) == .eml)
    }

    @Test func streamingDeliversEveryEvent() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("e.jsonl")
        try Data(JSONLReaderTests.lines.joined(separator: "\n").utf8).write(to: file)
        var messages = 0, issues = 0
        try ImportReader().forEach(path: file.path) { event in
            switch event {
            case .message: messages += 1
            case .issue: issues += 1
            case .warning: break
            }
        }
        #expect(messages == 3)
        #expect(issues == 8)
    }
}
