import Foundation
import TestSupport
import Testing

@testable import MailImport

/// Single cases of `JSONLRecordDecoder`, each pinned to its exact result and checked against
/// JSONSerialization's (`LegacyJSONLRecordReader`), so the behaviour it keeps is written down.
@Suite struct JSONLRecordDecoderTests {
    let amazon: AmazonRelay

    init() throws {
        amazon = try AmazonRelay()
    }

    /// The one line's result through the new reader, after checking that the old one agrees.
    func read(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Result<ImportedMessage, ImportIssue>? {
        let file: [UInt8] = [0x0A] + bytes
        let new = JSONLDecoderDifferentialTests.read(file, with: JSONLReader(amazon: amazon))
        let old = LegacyJSONLRecordReader(amazon: amazon).read(file, file: "generated.jsonl")
        #expect(
            new.map(JSONLDecoderDifferentialTests.fingerprint) == old.map(JSONLDecoderDifferentialTests.fingerprint),
            "old: \(old)", sourceLocation: sourceLocation)
        return new.first
    }

    func read(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Result<ImportedMessage, ImportIssue>? {
        read(Array(text.utf8), sourceLocation: sourceLocation)
    }

    /// A record with `members` added to the two required fields.
    func record(_ members: String) -> String {
        #"{"from":"buyer","at":"2026-03-01T09:30:00Z"\#(members.isEmpty ? "" : ",")\#(members)}"#
    }

    func message(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ImportedMessage? {
        guard case .success(let message)? = read(text, sourceLocation: sourceLocation) else {
            Issue.record("no message", sourceLocation: sourceLocation)
            return nil
        }
        return message
    }

    func issue(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard case .failure(let issue)? = read(bytes, sourceLocation: sourceLocation) else { return nil }
        return issue.message
    }

    func issue(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        issue(Array(text.utf8), sourceLocation: sourceLocation)
    }

    func scalars(_ string: String?) -> [UInt32] { string?.unicodeScalars.map(\.value) ?? [] }

    @Test func everyEscapeReadsAsItsCharacter() {
        let body = message(record(#""body":"\"\\\/\b\f\n\r\t\u00e9\u00E9\u0000\u001F\uFFFF\ud83d\ude00\uD83D\uDE00""#))?.body
        // \r and \r\n are stored as \n (ExportRecord's replacingLineBreaks).
        #expect(scalars(body) == [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0A, 0x09, 0xE9, 0xE9, 0x00, 0x1F, 0xFFFF, 0x1F600, 0x1F600])
    }

    @Test func rawTextIsKeptScalarForScalar() {
        #expect(
            scalars(message(record(#""body":"e\#u{0301} \#u{E9} 😀 \#u{7F}""#))?.body) == [
                0x65, 0x301, 0x20, 0xE9, 0x20, 0x1F600, 0x20, 0x7F,
            ])
    }

    /// JSONSerialization refused every lone surrogate: a high one not followed by `\u` and a low
    /// one, a low one alone, or two high ones. The line is not valid JSON, as before.
    @Test(arguments: [#"\ud800"#, #"\ud800x"#, #"\udc00"#, #"\udfff\ud800"#, #"\ud83d\u0041"#, #"\ud83d\ud83d"#, #"\ud83d"#])
    func loneSurrogatesAreNotValidJSON(escape: String) {
        #expect(issue(record(#""body":"a\#(escape)b""#)) == "not valid JSON")
    }

    @Test(arguments: [#"\x"#, #"\u12G4"#, #"\U0041"#, #"\'"#, #"\u00"#])
    func badEscapesAreNotValidJSON(escape: String) {
        #expect(issue(record(#""body":"a\#(escape)xyz""#)) == "not valid JSON")
    }

    @Test func rawControlCharactersAreNotValidJSON() {
        for byte: UInt8 in [0x00, 0x01, 0x09, 0x0D, 0x1F] {
            #expect(issue(Array(record(#""body":"a"#).utf8) + [byte] + Array(#"b"}"#.utf8)) == "not valid JSON", "\(byte)")
        }
    }

    /// JSONSerialization read each run of raw bytes between escapes with `String(bytes:encoding:)`,
    /// which drops a leading byte order mark; one in the middle, or written `\uFEFF`, stays.
    @Test func aByteOrderMarkIsDroppedAtTheStartOfEachRun() {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let line =
            Array(#"{"from":"buyer","at":"2026-03-01T09:30:00Z","subject":""#.utf8) + mark + Array("a".utf8) + mark
            + Array(#"b\n"#.utf8) + mark + mark + Array(#"c\uFEFFd"}"#.utf8)
        guard case .success(let message)? = read(line) else {
            Issue.record("no message")
            return
        }
        #expect(scalars(message.subject) == [0x61, 0xFEFF, 0x62, 0x0A, 0xFEFF, 0x63, 0xFEFF, 0x64])
        // A key behind one reads as the key.
        let keyed = Array(#"{"#.utf8) + [0x22] + mark + Array(#"from":"buyer","at":"2026-03-01T09:30:00Z"}"#.utf8)
        #expect((try? read(keyed)?.get())?.direction == .buyer)
        // And so does a line behind one (the reader drops it only on the first line; JSONSerialization on any).
        #expect((try? read(mark + Array(record("").utf8))?.get())?.direction == .buyer)
    }

    @Test func bytesThatAreNotUTF8AreNotValidJSON() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]] {
            #expect(issue(Array(record(#""body":"a"#).utf8) + bad + Array(#""}"#.utf8)) == "not valid JSON", "in a value: \(bad)")
            #expect(issue(Array(record(#""x"#).utf8) + bad + Array(#"":1}"#.utf8)) == "not valid JSON", "in an unknown key: \(bad)")
            #expect(issue(Array(record(#""x":["#).utf8) + [0x22] + bad + Array(#""]}"#.utf8)) == "not valid JSON", "skipped: \(bad)")
            #expect(issue(Array(record("").utf8) + bad) == "not valid JSON", "after the object: \(bad)")
        }
    }

    /// Numeric ids become text as `NSNumber` wrote them: whole numbers below 10^15 in digits,
    /// others as `stringValue`.
    @Test(arguments: [
        ("12", "12"), ("-12", "-12"), ("-0", "0"), ("1.0", "1"), ("-0.0", "0"), ("1.5", "1.5"), ("1E5", "100000"),
        ("1e+5", "100000"), ("1e20", "1e+20"), ("1e-7", "1e-07"), ("0.1", "0.1"), ("999999999999999", "999999999999999"),
        ("1000000000000000", "1000000000000000"), ("1e15", "1000000000000000.0"), ("12345678901234567890", "12345678901234567890"),
        ("-9223372036854775809", "-9223372036854775809"), ("123456789012345678901234", "123456789012345678901234"),
        ("1.23456789012345678", "1.23456789012345678"), ("1e-400", "0"),
    ])
    func numericIDsReadAsBefore(literal: String, id: String) {
        #expect(message(record(#""id":\#(literal)"#))?.externalID == id)
    }

    @Test(arguments: [
        "1e400", "-1E400", String(repeating: "9", count: 400), "01", "-01", "00", ".5", "1.", "+1", "1e", "-", "1.5.2", "0x1", "NaN",
    ])
    func numbersJSONSerializationRefusedAreNotValidJSON(literal: String) {
        #expect(issue(record(#""x":[\#(literal)]"#)) == "not valid JSON")
    }

    @Test func flagsReadAsBefore() {
        for (literal, flag) in [
            ("true", true), ("false", false), ("null", false), ("0", false), ("1", true), ("-0", false), ("1.0", true), ("1e0", true),
            (#""yes""#, true), (#"" F ""#, false),
        ] {
            #expect(message(record(#""auto_reply":\#(literal)"#))?.isAutoReply == flag, "\(literal)")
        }
        for literal in ["2", "0.5", "[]", "{}", #""maybe""#] {
            #expect(issue(record(#""auto_reply":\#(literal)"#)) == "'auto_reply' must be true or false", "\(literal)")
        }
    }

    @Test func attachmentsReadAsBefore() {
        #expect(
            message(record(#""attachments":[{"name":"a.pdf","bytes":12,"type":{"x":[1]}},{"bytes":1.0,"name":"b"}]"#))?.attachments
                == [ImportedAttachment(name: "a.pdf", bytes: 12), ImportedAttachment(name: "b", bytes: 1)])
        #expect(message(record(#""attachments":null"#))?.attachments == [])
        #expect(issue(record(#""attachments":{}"#)) == "'attachments' must be a list of {\"name\", \"bytes\"}")
        #expect(issue(record(#""attachments":[{"name":"a","bytes":1},3]"#)) == "attachment 2 has no 'name'")
        #expect(issue(record(#""attachments":[{"name":null,"bytes":1}]"#)) == "attachment 1 has no 'name'")
        for bytes in ["-1", "1.5", "1e15", #""12""#, "true", "null"] {
            #expect(
                issue(record(#""attachments":[{"name":"a","bytes":\#(bytes)}]"#)) == "attachment 'a' needs 'bytes' as a whole number ≥ 0",
                "\(bytes)")
        }
        // More than 17 characters made an NSDecimalNumber: checked as a double (12.0), cut as a decimal.
        #expect(
            message(record(#""attachments":[{"name":"a","bytes":12.000000000000000001}]"#))?.attachments == [
                ImportedAttachment(name: "a", bytes: 12)
            ])
        #expect(
            message(record(#""attachments":[{"name":"a","bytes":11.9999999999999999999}]"#))?.attachments == [
                ImportedAttachment(name: "a", bytes: 11)
            ])
    }

    @Test func aKeyGivenTwiceKeepsItsLastValue() {
        #expect(message(record(#""id":"a","id":"b","i\u0064":"c""#))?.externalID == "c")
        #expect(issue(record(#""subject":"ok","subject":1"#)) == "'subject' must be a string")
        #expect(message(record(#""subject":1,"subject":"ok""#))?.subject == "ok")
    }

    @Test func fieldsAreCheckedInDocumentedOrderAfterTheWholeLineIsRead() {
        #expect(issue(record(#""body":1,"id":true"#)) == "'id' must be a string")
        #expect(issue(record(#""id":true,"x":[1e400]"#)) == "not valid JSON")
    }

    /// JSONSerialization built each object's dictionary (last value wins) before converting its
    /// numbers, so a number it could not represent failed the line only if no later value for the
    /// same key (compared as Swift strings) replaced it.
    @Test func anUnrepresentableNumberCountsOnlyIfItsValueIsKept() {
        #expect(issue(record(#""x":1e400"#)) == "not valid JSON")
        #expect(message(record(#""x":1e400,"x":1"#)) != nil)
        #expect(message(record(#""x":[1e400],"x":1"#)) != nil)
        #expect(issue(record(#""x":1,"x":[1e400]"#)) == "not valid JSON")
        #expect(message(record(#""\#u{E9}":1e400,"e\#u{0301}":1"#)) != nil)
        #expect(message(record(#""x":{"b":1e400,"b":2,"c":{"d":-1e999,"d":0}}"#)) != nil)
        #expect(issue(record(#""x":{"b":1e400,"c":2}"#)) == "not valid JSON")
        #expect(message(record(#""id":1e400,"id":"a""#))?.externalID == "a")
        #expect(issue(record(#""id":"a","id":1e400"#)) == "not valid JSON")
        #expect(
            message(record(#""attachments":[{"name":"a","bytes":1e400,"bytes":3}]"#))?.attachments == [
                ImportedAttachment(name: "a", bytes: 3)
            ])
        #expect(issue(record(#""attachments":[{"name":"a","bytes":3,"x":1e400}]"#)) == "not valid JSON")
        #expect(issue("[{\"b\":1e400,\"b\":2}]") == "not a JSON object")
    }

    @Test func structureReadsAsBefore() {
        #expect(message(" \t\r{ \"from\" :\t\"buyer\" ,\r\"at\":\"2026-03-01T09:30:00Z\" , } \r") != nil)
        #expect(message(record(#""x":[1,[],{},]"#)) != nil)
        #expect(issue("[1,2]") == "not a JSON object")
        #expect(issue("[]") == "not a JSON object")
        for line in [
            "\"text\"", "12", "true", "null", "[1e400]", "[,]", "{,}", "{\"a\"}", "{\"a\":}", "{:1}", "{'a':1}", "{\"a\":1,,}",
            "{\"a\":1}x", "{\"a\":1}{}", "\r ",
        ] {
            #expect(issue(line) == "not valid JSON", "\(line)")
        }
        #expect(issue([0x7B, 0xC2, 0xA0, 0x7D]) == "not valid JSON")  // U+00A0 is not JSON white space
        #expect(issue([0x7B, 0x0C, 0x7D]) == "not valid JSON")
    }

    /// JSONSerialization allowed 512 open arrays and objects.
    @Test func nestingStopsAt512Levels() {
        func nested(_ levels: Int) -> String {
            record(#""x":"# + String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1))
        }
        #expect(message(nested(512)) != nil)
        #expect(issue(nested(513)) == "not valid JSON")
    }

    @Test func linesInUTF16AndUTF32ReadAsBefore() {
        let line = record(#""body":"Où 😀""#)
        for encoding: String.Encoding in [.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian] {
            guard let data = line.data(using: encoding) else { continue }
            guard case .success(let read)? = read([UInt8](data)) else {
                Issue.record("\(encoding): no message")
                continue
            }
            #expect(read.body == "Où 😀")
        }
        #expect(issue([0xFF, 0xFE, 0x7B, 0x00]) == "not valid JSON")
    }

    /// The exported names themselves are ASCII, and keys are compared byte for byte: that is only the
    /// comparison Swift's dictionary made if no other scalar is canonically equivalent to a letter or
    /// underscore of a name.
    @Test func noScalarDecomposesToTheLettersOfAFieldName() {
        var found: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if decomposed.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) { found.append(value) }
        }
        #expect(found == [])
    }

    @Test func trimmingMatchesFoundation() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(CharacterSet.whitespaces.contains(scalar) == (value == 0x20 || value == 0x09), "\(value)")
        }
        var random = SeededGenerator(seed: 3)
        let pieces = ["a", " ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "é", "\n", "\r", "😀", "\u{0085}", "\u{FEFF}", "e\u{301}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(
                Array(text.trimmingWhitespaces().utf8) == Array(text.trimmingCharacters(in: .whitespaces).utf8), "\(text.debugDescription)")
        }
    }
}
