import Foundation
import MailImport
import Testing

struct EncodedWordTests {
    @Test func bAndQWordsDecode() {
        #expect(EncodedWords.decode("=?UTF-8?B?w4lsw6h2ZQ==?=") == "Élève")
        #expect(EncodedWords.decode("=?iso-8859-1?q?caf=E9_cr=E8me?=") == "café crème")
        #expect(EncodedWords.decode("=?windows-1252?Q?=93quoted=94?=") == "\u{201C}quoted\u{201D}")
    }

    @Test func whiteSpaceBetweenAdjacentWordsIsDropped() {
        #expect(EncodedWords.decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab")
        #expect(EncodedWords.decode("=?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=") == "ab")
        #expect(EncodedWords.decode("=?UTF-8?Q?a?= plain =?UTF-8?Q?b?=") == "a plain b")
        #expect(EncodedWords.decode("Re: =?UTF-8?Q?a_b?=") == "Re: a b")
    }

    @Test func aCharacterSplitAcrossWordsSurvives() {
        // "é" is C3 A9: the first word ends after C3, the second starts with A9.
        #expect(EncodedWords.decode("=?UTF-8?B?w6k=?= =?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=") == "écafé")
    }

    @Test func wordsInOtherCharsets() {
        #expect(EncodedWords.decode("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=") == "テスト")
        #expect(EncodedWords.decode("=?shift_jis?B?g2WDWINn?=") == "テスト")
        #expect(EncodedWords.decode("=?koi8-r?B?8NLJ18XU?=") == "Привет")
        #expect(EncodedWords.decode("=?utf-8*en?Q?hello?=") == "hello")
    }

    @Test func malformedWordsStayAsWritten() {
        #expect(EncodedWords.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(EncodedWords.decode("=?UTF-8?Q?no end") == "=?UTF-8?Q?no end")
        #expect(EncodedWords.decode("a =? b") == "a =? b")
        // An unknown charset decodes the bytes as UTF-8 rather than dropping them.
        #expect(EncodedWords.decode("=?NONE?B?VEVTVA=?=") == "TEST")
    }
}

struct MailAddressTests {
    @Test func displayNamesAndAddresses() {
        #expect(
            MailAddress.parseList("\"Doe, Jane\" <jane@example.com>, bob@example.com (Bob B.)") == [
                MailAddress(displayName: "Doe, Jane", address: "jane@example.com"),
                MailAddress(displayName: "Bob B.", address: "bob@example.com"),
            ])
        #expect(
            MailAddress.parseList("=?UTF-8?Q?J=C3=B6rn?= <j@example.no>") == [
                MailAddress(displayName: "Jörn", address: "j@example.no")
            ])
        #expect(MailAddress.parseList("<@route.example:user@example.com>") == [MailAddress(address: "user@example.com")])
    }

    @Test func groupsYieldTheirMembers() {
        #expect(
            MailAddress.parseList("A Group: Ed <ed@example.com>, al@example.com; Bo <bo@example.com>")
                == [
                    MailAddress(displayName: "Ed", address: "ed@example.com"), MailAddress(address: "al@example.com"),
                    MailAddress(displayName: "Bo", address: "bo@example.com"),
                ])
        #expect(MailAddress.parseList("undisclosed-recipients:;").isEmpty)
    }

    @Test func garbageGivesNothingRatherThanACrash() {
        #expect(MailAddress.parseList("").isEmpty)
        #expect(MailAddress.parseList("Mary Smith").isEmpty)
        #expect(MailAddress.parseList("<<<>>> ,,, \"unterminated").isEmpty)
        // A comment after a bare address is its display name (the old `addr (Name)` form).
        #expect(
            MailAddress.parseList("jdoe@machine(comment).  example") == [
                MailAddress(displayName: "comment", address: "jdoe@machine.example")
            ])
    }
}

struct MailDateTests {
    func iso(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    @Test func rfc5322DatesWithZones() {
        #expect(MailDate.parse("Fri, 21 Nov 1997 09:55:06 -0600")?.date == iso("1997-11-21T15:55:06Z"))
        #expect(MailDate.parse("Fri, 21 Nov 1997 09:55:06 -0600")?.offsetSeconds == -21600)
        #expect(MailDate.parse("Thu, 13 Feb 1969 23:32:54 -0330")?.date == iso("1969-02-14T03:02:54Z"))
        #expect(MailDate.parse("1 Jan 2026 00:00 +0100")?.date == iso("2025-12-31T23:00:00Z"))
        #expect(MailDate.parse("Tue, 1 Jul 2003 10:52:37 +0200 (CEST)")?.date == iso("2003-07-01T08:52:37Z"))
    }

    @Test func obsoleteForms() {
        #expect(MailDate.parse("21 Nov 97 09:55:06 GMT")?.date == iso("1997-11-21T09:55:06Z"))
        #expect(MailDate.parse("Mon, 2 Mar 09 10:00:00 EST")?.date == iso("2009-03-02T15:00:00Z"))
        #expect(MailDate.parse("Sun, 1 Jun 103 12:00:00 PDT")?.date == iso("2003-06-01T19:00:00Z"))
        #expect(MailDate.parse("Fri, 21 Nov 1997 09(comment):   55  :  06 -0600")?.date == iso("1997-11-21T15:55:06Z"))
        #expect(MailDate.parse("Tue, 22 Jan 2002 14:35:28 UT")?.date == iso("2002-01-22T14:35:28Z"))
        #expect(MailDate.parse("Thu, 14 Oct 2010 23:25:06 Z")?.date == iso("2010-10-14T23:25:06Z"))
        #expect(MailDate.parse("Tue May 10 11:28:07 2005")?.date == iso("2005-05-10T11:28:07Z"))
    }

    @Test func iso8601Stamps() {
        #expect(MailDate.parse("2026-03-01T09:30:00+01:00")?.date == iso("2026-03-01T08:30:00Z"))
        #expect(MailDate.parseISO8601("2026-03-01T09:30:00.250Z")?.date == iso("2026-03-01T09:30:00Z")?.addingTimeInterval(0.25))
        #expect(MailDate.parseISO8601("2026-03-01T09:30:00") == nil)  // no offset: ambiguous
        #expect(MailDate.parseISO8601("2026-02-30T09:30:00Z") == nil)
    }

    @Test func garbageIsNil() {
        #expect(MailDate.parse("") == nil)
        #expect(MailDate.parse("       <HR>") == nil)
        #expect(MailDate.parse("Wed, 15 Dec 2010    59:10 -0500") == nil)
        #expect(MailDate.parse("Pn, 29 paX 2007 21:13:00 +0100") == nil)
        #expect(MailDate.parse("31 Feb 2020 10:00:00 +0000") == nil)
    }
}

struct HeaderParsingTests {
    @Test func foldedDuplicatedAndBrokenHeaders() {
        let raw =
            "From sender@example.com Tue May 10 11:28:07 2005\r\nSubject: first\r\n  line two\r\nX-Dup: 1\r\n"
            + "garbage line\r\nX-Dup: 2\r\nName-With-Space : value\r\n\r\nbody\r\n"
        let message = RFC5322Message(bytes: Array(raw.utf8))
        #expect(message.headers["subject"]?.rawValue == "first  line two")
        #expect(message.headers.all("X-DUP").map(\.rawValue) == ["1", "2"])
        #expect(message.headers["Name-With-Space"]?.rawValue == "value")
        #expect(message.headers.fields.count == 4)
        #expect(message.body == Array("body\r\n".utf8))
    }

    @Test func aMessageWithoutBlankLineIsAllHeaders() {
        let message = RFC5322Message(bytes: Array("Subject: only headers".utf8))
        #expect(message.subject == "only headers")
        #expect(message.body.isEmpty)
    }

    @Test func rawUTF8AndLatin1HeadersAreRead() {
        let latin1: [UInt8] = Array("Subject: caf".utf8) + [0xE9] + Array("\n\n".utf8)
        #expect(RFC5322Message(bytes: latin1).subject == "café")
        #expect(RFC5322Message(bytes: Array("Subject: Säying\n\n".utf8)).subject == "Säying")
    }
}
