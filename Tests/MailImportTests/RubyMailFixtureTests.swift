import Foundation
import MailImport
import TestSupport
import Testing

/// The ruby `mail` gem's fixtures (../shared/fixtures/email/ruby-mail): every file imports as one
/// message without crashing, and a representative set reads exactly as a mail reader shows it.
struct RubyMailFixtureTests {
    static let root = Fixtures.shared.appendingPathComponent("fixtures/email/ruby-mail/emails")

    static let allFiles: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        return (enumerator?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".eml") }.sorted()
    }()

    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var from: String
        var name: String?
        var date: String
        var subject: String
        var body: String
        var attachments: [String] = []
        /// For long bodies: the body starts with `body`.
        var bodyIsPrefix = false
        var testDescription: String { file }
    }

    func read(_ file: String) throws -> ParsedFile {
        try ImportReader().read(path: Self.root.appendingPathComponent(file).path, format: .eml)
    }

    @Test func theFixturesAreThere() {
        #expect(Self.allFiles.count == 103)
    }

    @Test(arguments: allFiles)
    func everyFixtureImportsAsOneMessage(_ file: String) throws {
        let parsed = try read(file)
        #expect(parsed.issues.isEmpty, "\(parsed.issues)")
        #expect(parsed.messages.count == 1)
        let message = try #require(parsed.messages.first)
        #expect(!message.externalID.isEmpty)
        #expect(message.direction == .buyer)
        #expect(message.source == SourcePosition(file: Self.root.appendingPathComponent(file).path))
    }

    static let pdfBody =
        "Just attaching another PDF, here, to see what the message looks like,\nand to see if I can figure out what is going wrong here."

    static let expectations: [Expected] = [
        Expected(
            file: "attachment_emails/attachment_pdf.eml", from: "xxxx@xxxx.com", name: "Test Tester",
            date: "2005-05-10T17:26:39Z", subject: "Another PDF with 🎉 Unicode chars in it 🍿", body: pdfBody,
            attachments: ["broken.pdf:1026"]),
        Expected(
            file: "attachment_emails/attachment_pdf_lf.eml", from: "xxxx@xxxx.com", name: "Test Tester",
            date: "2005-05-10T17:26:39Z", subject: "Another PDF with 🎉 Unicode chars in it 🍿", body: pdfBody,
            attachments: ["broken.pdf:1026"]),
        Expected(
            file: "attachment_emails/attachment_nonascii_filename.eml", from: "foo@example.com",
            date: "2005-06-06T20:21:22Z", subject: "testing", body: "This is the first part.",
            attachments: ["ciële.txt:11"]),
        Expected(
            file: "attachment_emails/attachment_with_unquoted_name.eml", from: "foo@example.com",
            date: "2005-06-06T20:21:22Z", subject: "testing", body: "This is the first part.",
            attachments: ["This is a test.txt:11"]),
        Expected(
            file: "attachment_emails/attachment_with_base64_encoded_name.eml", from: "xxxxxxxxx.xxxxxxx@gmail.com",
            name: "xxxxxxxxx xxxxxxx", date: "2005-05-08T19:09:11Z", subject: "Fwd: Signed email causes file attachments",
            body: "We should not include these files or vcards as attachments.\n\n---------- Forwarded message ----------",
            attachments: ["This is a test.pdf:399"], bodyIsPrefix: true),
        Expected(
            file: "attachment_emails/attachment_with_quoted_filename.eml", from: "jeff@37signals.com",
            name: "Jeffrey Hardy", date: "2009-05-13T15:42:01Z", subject: "Eelanalüüsi päring", body: "",
            attachments: ["Eelanalüüsi päring.jpg:1952"]),
        Expected(
            file: "attachment_emails/attachment_content_location.eml", from: "foo@example.com",
            date: "2005-06-06T20:21:22Z", subject: "testing", body: "This is the first part.",
            attachments: ["Photo25.jpg:227"]),
        Expected(
            file: "attachment_emails/attachment_message_rfc822.eml", from: "foo@example.com",
            date: "2005-06-06T20:21:22Z", subject: "testing", body: "This is the first part.",
            attachments: ["ForwardedMessage.eml:3781"]),
        Expected(
            file: "mime_emails/raw_email_with_multipart_mixed_quoted_boundary.eml", from: "email_test@me.nowhere",
            name: "Mikel Lindsaar", date: "2007-10-21T09:38:13Z", subject: "Testing outlook", body: pdfBody,
            attachments: ["broken.pdf:1026"]),
        Expected(
            file: "mime_emails/raw_email_with_illegal_boundary.eml", from: "email_test@me.nowhere",
            name: "Mikel Lindsaar", date: "2007-10-21T09:38:13Z", subject: "Testing outlook",
            body: "Hello\nThis is an outlook test\n\nSo there.\n\nMe."),
        Expected(
            file: "mime_emails/email_with_similar_boundaries.eml", from: "xxxxxx@xxxxxxxx.xxx", name: "Xxxxx",
            date: "2012-04-06T01:01:01Z", subject: "Xxxxxx", body: "Test", attachments: ["LOGO.png:3"]),
        Expected(
            file: "mime_emails/raw_email7.eml", from: "foo@example.com", date: "2005-06-06T20:21:22Z",
            subject: "testing", body: "This is the first part.",
            attachments: ["test.rb:25", "test.pdf:14", "smime.p7s:227"]),
        Expected(
            file: "mime_emails/raw_email_with_nested_attachment.eml", from: "jamis@37signals.com", name: "Jamis Buck",
            date: "2007-02-22T18:20:31Z", subject: "Testing attachments",
            body: "Here is a test of an attachment via email.\n\n- Jamis",
            attachments: ["truncated.png:1902", "smime.p7s:939"]),
        Expected(
            file: "multi_charset/japanese_shift_jis.eml", from: "xxxxxxx@docomo.ne.jp", date: "2014-05-28T08:18:19Z",
            subject: "test", body: "あいうえお\n\nこのメールはテスト用のメールです。\n\n今後ともよろしくお願い申し上げます！"),
        Expected(
            file: "multi_charset/japanese_attachment_long_name.eml", from: "mikel@test.lindsaar.net",
            name: "Mikel Lindsaar", date: "2009-10-30T08:11:02Z", subject: String(repeating: "まみむめも", count: 10),
            body: "", attachments: [String(repeating: "かきくけこ", count: 5) + ".txt:18"]),
        Expected(
            file: "multi_charset/japanese_attachment.eml", from: "raasdnil@gmail.com", name: "Mikel Lindsaar",
            date: "2009-10-16T12:39:34Z", subject: "testing",
            body: "testing\n\n--\nhttp://lindsaar.net/\nRails, RSpec and Life blog....", attachments: ["てすと.txt:33"]),
        Expected(
            file: "multi_charset/ks_c_5601-1987.eml", from: "from@example.com", date: "2014-05-28T08:18:19Z",
            subject: "test", body: "스티해"),
        Expected(
            file: "plain_emails/raw_email.eml", from: "jamis@37signals.com", name: "Jamis Buck",
            date: "2005-05-02T22:07:05Z", subject: "NOTE: 한국말로 하는 것",
            body: "대부분의 마찬가지로, 우리는 하나님을 믿습니다.\n\n제 이름은 Jamis입니다."),
        Expected(
            file: "plain_emails/raw_email_with_partially_quoted_subject.eml", from: "jamis@37signals.com",
            name: "Jamis Buck", date: "2005-05-02T22:07:05Z", subject: "Re: Test: \"漢字\" mid \"漢字\" tail",
            body: "대부분의 마찬가지로, 우리는 하나님을 믿습니다.\n\n제 이름은 Jamis입니다."),
        Expected(
            file: "plain_emails/raw_email_with_at_display_name.eml", from: "test@lindsaar.net", name: "Mikel Lindsaar",
            date: "2008-11-22T04:04:59Z", subject: "Testing 123", body: "Plain email.\n\nHope it works well!\n\nMikel"),
        Expected(
            file: "plain_emails/basic_email_lf.eml", from: "test@lindsaar.net", name: "Mikel Lindsaar",
            date: "2008-11-22T04:04:59Z", subject: "Testing 123", body: "Plain email.\n\nHope it works well!\n\nMikel"),
        Expected(
            file: "rfc2822/example01.eml", from: "jdoe@machine.example", name: "John Doe", date: "1997-11-21T15:55:06Z",
            subject: "Saying Hello", body: "This is a message just to say hello.\nSo, \"Hello\"."),
        Expected(
            file: "rfc2822/example03.eml", from: "john.q.public@example.com", name: "Joe Q. Public",
            date: "2003-07-01T08:52:37Z", subject: "", body: "Hi everyone."),
        Expected(
            file: "rfc2822/example04.eml", from: "pete@silly.example", name: "Pete", date: "1969-02-14T03:02:54Z",
            subject: "", body: "Testing."),
        Expected(
            file: "rfc2822/example13.eml", from: "jdoe@machine.example", name: "John Doe", date: "1997-11-21T15:55:06Z",
            subject: "Saying Hello", body: "This is a message just to say hello.\nSo, \"Hello\"."),
        Expected(
            file: "rfc2822/example14.eml", from: "atsushi@example.com", name: "Atsushi Yoshida",
            date: "2011-08-19T01:47:17Z", subject: "Re: TEST \tテストテスト", body: "Hello"),
        Expected(
            file: "error_emails/bad_date_header.eml", from: "infoz@reactive-outpost.com", name: "Grants-Notification",
            date: "2010-12-11T03:20:19Z", subject: "You may_be Eligible for Legitimate_Cash from_GovAgencies!", body: ""),
        Expected(
            file: "error_emails/bad_date_header2.eml", from: "enews@Free-Quilting.com", name: "Free-Quilting.com",
            date: "2010-12-15T06:59:10Z", subject: "40% OFF holiday patterns and fabric!", body: ""),
        Expected(
            file: "error_emails/content_transfer_encoding_x_uuencode.eml", from: "lpeters@PACIFIER.COM",
            name: "Lon L. Peters", date: "2002-01-10T21:59:53Z", subject: "PGP Comments on RTO West Release of Dec. 14",
            body:
                "Attached are the comments of the Public Generating Pool.\n--\n_________________________________\nLon L. Peters\nNorthwest Economic Research, Inc.",
            attachments: ["PGP_Cmts_on_12-14-01_Pkg.doc:0"], bodyIsPrefix: true),
        Expected(
            file: "error_emails/missing_content_disposition.eml", from: "redacted@example.com",
            date: "2002-01-22T14:35:28Z", subject: "Redacted", body: "", attachments: ["somefile.jpg:1311"]),
        Expected(
            file: "error_emails/must_supply_encoding.eml", from: "info@here2there-travelers-msgs.net",
            name: "Biz Phone Systems from EclipseMediaOnline\u{FFFD}\u{FFFD}", date: "2010-11-14T17:41:44Z",
            subject: "Impress your clients with a business phone\u{FFFD}\u{FFFD}\u{FFFD}", body: ""),
    ]

    @Test(arguments: expectations)
    func representativeFixturesReadExactly(_ expected: Expected) throws {
        let parsed = try read(expected.file)
        let message = try #require(parsed.messages.first)
        #expect(message.senderAddress == expected.from)
        #expect(message.buyerName == expected.name)
        #expect(message.sentAt == ISO8601DateFormatter().date(from: expected.date))
        #expect(message.subject == expected.subject)
        if expected.bodyIsPrefix {
            #expect(message.body.hasPrefix(expected.body))
        } else {
            #expect(message.body == expected.body)
        }
        #expect(message.attachments.map { "\($0.name):\($0.bytes)" } == expected.attachments)
    }

    @Test func threadingHeadersAreRead() throws {
        let message = try #require(try read("rfc2822/example07.eml").messages.first)
        #expect(message.messageID == "abcd.1234@local.machine.tld")
        #expect(message.inReplyTo == "3456@example.net")
        #expect(message.references == ["1234@local.machine.example", "3456@example.net"])
        #expect(message.externalID == "abcd.1234@local.machine.tld")
    }

    @Test func anEmptyInReplyToIsNoReference() throws {
        let message = try #require(try read("error_emails/empty_in_reply_to.eml").messages.first)
        #expect(message.inReplyTo == nil)
    }

    @Test func anUnknownCharsetIsReadAsUTF8AndReported() throws {
        let parsed = try read("plain_emails/raw_email10.eml")
        let message = try #require(parsed.messages.first)
        #expect(message.body.contains("Envoyé par"))
        #expect(parsed.warnings.map(\.message) == ["unknown charset 'X-UNKNOWN'; read as UTF-8"])
    }

    @Test func aMessageWithoutDateIsDatedByItsFileAndWarned() throws {
        let path = Self.root.appendingPathComponent("multi_charset/japanese_iso_2022.eml").path
        let parsed = try read("multi_charset/japanese_iso_2022.eml")
        let message = try #require(parsed.messages.first)
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(message.sentAt == modified)
        #expect(message.subject == "まみむめも")
        #expect(message.body == "すみません。")
        #expect(parsed.warnings.map(\.message) == ["no usable Date header; dated by its mailbox entry or file time"])
    }

    @Test func bytesWithoutAnyDateAreAnIssue() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("error_emails/bad_encoded_subject.eml"))
        let parsed = try ImportReader().parse([UInt8](data), format: .eml, file: "bad.eml")
        #expect(parsed.messages.isEmpty)
        #expect(parsed.issues.map(\.description) == ["bad.eml: no Date header and no other time stamp"])
    }
}
