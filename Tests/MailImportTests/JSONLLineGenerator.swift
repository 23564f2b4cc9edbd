import Foundation
import TestSupport

/// Random JSONL lines for the differential tests: records with every documented field in every
/// type and spelling (escaped keys, numbers in every form, booleans and null, nested unknown keys),
/// strings with every escape, astral characters, byte order marks, white space Foundation trims and
/// raw bytes that are not UTF-8, and broken lines (cut short, a byte dropped or added, single quotes,
/// trailing garbage, too deep, in UTF-16 or UTF-32). Seeded, so a failing line can be replayed.
struct JSONLLineGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    // MARK: Lines

    mutating func line() -> [UInt8] {
        var bytes: [UInt8]
        switch int(0...99) {
        case 0..<80: bytes = record()
        case 80..<84: bytes = topLevelOther()
        case 84..<87: bytes = deepRecord()
        default: bytes = Array(pick(Self.realisticLines).utf8)
        }
        if chance(0.3) { bytes = mutate(bytes) }
        return bytes
    }

    /// Lines as exports write them, so the common path is held to the old one too.
    static let realisticLines = [
        #"{"id": "QEH5QV-000001-00", "thread": "T0000001", "order_id": "113-7413168-4602503", "from": "seller", "at": "2026-07-28T01:00:22+01:00", "subject": "Update on your order 113-7413168-4602503", "body": "Hi Matthew,\n\nI wanted to let you know.\n\nKind regards,\nTom", "no_response_needed": false, "auto_reply": false, "attachments": []}"#,
        #"{"id": "KYF17N-000003-00", "thread": "T0000003", "order_id": null, "from": "buyer", "at": "2026-07-27T20:01:26-04:00", "subject": "Wrong item received", "body": "Hello,\n\nI was charged twice.\u00a0Merci !", "no_response_needed": true, "auto_reply": false, "attachments": [{"name": "photo.jpg", "bytes": 482113}]}"#,
        #"{"id": "A1", "thread": "T9", "order_id": "250-1234567-7654321", "from": "amazon", "at": "2026-08-01T00:00:00+00:00", "subject": "Return authorization request for order 250-1234567-7654321", "body": "返品リクエスト 😀", "no_response_needed": false, "auto_reply": false, "attachments": []}"#,
        #"{"id": "A2", "thread": "T9", "order_id": "402-1234567-7654321", "from": "amazon", "at": "2026-08-01T00:00:00Z", "subject": "Order cancellation request from Amazon customer Léa", "body": "Annulation", "no_response_needed": false, "auto_reply": true, "attachments": null}"#,
    ]

    mutating func record() -> [UInt8] {
        var members: [[UInt8]] = []
        let names = ["id", "thread", "order_id", "from", "at", "subject", "body", "no_response_needed", "auto_reply", "attachments"]
        for name in names where chance(name == "from" || name == "at" ? 0.92 : 0.6) {
            members.append(member(name))
        }
        for _ in 0..<int(0...2) where chance(0.5) {
            members.append(
                key(pick(["note", "meta", "x", "", "name", "bytes", "ID", "From", "i\u{0301}d", "tags"])) + colon() + anyValue(depth: 0))
        }
        if chance(0.1), let repeated = names.randomElement(using: &random) { members.append(member(repeated)) }
        members.shuffle(using: &random)
        var bytes: [UInt8] = Array("{".utf8) + space()
        for (index, member) in members.enumerated() {
            if index > 0 { bytes += space() + Array(",".utf8) + space() }
            bytes += member
        }
        if !members.isEmpty, chance(0.05) { bytes += Array(",".utf8) + space() }
        bytes += space() + Array("}".utf8)
        return space() + bytes + space()
    }

    mutating func member(_ name: String) -> [UInt8] {
        let value: [UInt8]
        switch name {
        case "id", "thread": value = chance(0.5) ? string(of: pick(["m1", " T-7 ", "", "  ", "\u{00A0}x\u{2003}", "42", "ÄÖ"])) : scalar()
        case "order_id": value = chance(0.7) ? string(of: pick(["111-2222222-3333333", " 111-2222222-3333333\t", ""])) : scalar()
        case "from":
            value =
                chance(0.85)
                ? string(
                    of: pick([
                        "buyer", "seller", "amazon", "Buyer", " SELLER ", "\tamazon", "\u{00A0}buyer", "buyer\u{3000}", "", " ", "robot",
                        "bu\u{0301}yer",
                    ]))
                : scalar()
        case "at":
            value =
                chance(0.85)
                ? string(
                    of: pick([
                        "2026-03-01T09:30:00+01:00", "2026-03-01T09:30:00Z", "2026-03-01t09:30:00.250z", " 2026-03-01 09:30:00-0700 ",
                        "2026-02-30T09:30:00Z", "2026-03-01T09:30:00", "yesterday", "", "\u{2003}2026-03-01T09:30:00Z",
                    ]))
                : scalar()
        case "subject":
            value =
                chance(0.8)
                ? (chance(0.3)
                    ? string(
                        of: pick([
                            "Return authorization request for order 111-2222222-3333333",
                            "Order cancellation request from Amazon customer X",
                        ]))
                    : textString())
                : scalar()
        case "body": value = chance(0.85) ? textString() : scalar()
        case "no_response_needed", "auto_reply":
            value =
                chance(0.5)
                ? Array(pick(["true", "false", "null", "0", "1", "-0", "0.0", "1.0", "1e0", "1E0", "2", "0.5", "[]", "{}"]).utf8)
                : string(of: pick(["yes", "no", " TRUE ", "t", "N", "", "maybe", "1", "\u{00A0}false"]))
        case "attachments": value = attachments()
        default: value = anyValue(depth: 0)
        }
        return key(name) + colon() + value
    }

    /// A key as written, sometimes spelled with escapes or behind a byte order mark (both read as the
    /// plain key).
    mutating func key(_ name: String) -> [UInt8] {
        guard chance(0.1), let first = name.unicodeScalars.first else { return string(of: name, plain: true) }
        if chance(0.5) {
            return Array("\"\\u\(String(format: "%04X", first.value))\(name.unicodeScalars.dropFirst().map(String.init).joined())\"".utf8)
        }
        return [0x22, 0xEF, 0xBB, 0xBF] + Array(name.utf8) + [0x22]
    }

    mutating func colon() -> [UInt8] { space() + Array(":".utf8) + space() }

    /// JSON's white space, and now and then a character it does not allow there.
    mutating func space() -> [UInt8] {
        guard chance(0.3) else { return [] }
        if chance(0.02) { return pick([[0xC2, 0xA0], [0x0C], [0x0B]]) }
        return Array(pick([" ", "  ", "\t", "\r", " \t\r "]).utf8)
    }

    // MARK: Values

    mutating func scalar() -> [UInt8] {
        switch int(0...9) {
        case 0: return Array(pick(["true", "false", "null"]).utf8)
        case 1: return Array(pick(["[]", "{}", "[1,2]", #"{"a":"b"}"#]).utf8)
        default: return number()
        }
    }

    /// Numbers in every form JSON allows, some it does not, and some JSONSerialization could not
    /// represent.
    mutating func number() -> [UInt8] {
        if chance(0.4) {
            let literal: String = pick([
                "0", "-0", "12", "-12", "1.5", "1.0", "-0.0", "1e5", "1E5", "1e+5", "1E-5", "1e-7", "1e20", "1E400", "1e400", "-1e400",
                "1e-400", "123456789012345678", "-123456789012345678", "1234567890123456789", "-1234567890123456789",
                "12345678901234567890", "18446744073709551615", "18446744073709551616", "99999999999999999999",
                "123456789012345678901234", "-9223372036854775808", "-9223372036854775809", "999999999999999", "1000000000000000",
                "1e15", "999999999999999.5", "0.1", "1.23456789012345678", "12.000000000000000001", "11.9999999999999999999",
                "100000000000000000E5", String(repeating: "9", count: 400), "01", "-01", "00", ".5", "1.", "+1", "1e", "1e+", "-",
                "0x10", "Infinity", "NaN", "1.5.2", "1e5e5", "2-", "--1",
            ])
            return Array(literal.utf8)
        }
        var text = chance(0.3) ? "-" : ""
        let digits = int(1...22)
        text += String(int(1...9))
        for _ in 1..<digits { text += String(int(0...9)) }
        if chance(0.3) {
            text += "."
            for _ in 0..<int(1...20) { text += String(int(0...9)) }
        }
        if chance(0.3) {
            text += pick(["e", "E"]) + pick(["", "+", "-"]) + String(int(0...400))
        }
        return Array(text.utf8)
    }

    mutating func attachments() -> [UInt8] {
        switch int(0...9) {
        case 0: return Array(pick(["null", "\"a.pdf:12\"", "3", "{}", "true"]).utf8)
        case 1: return Array("[]".utf8)
        default:
            var items: [[UInt8]] = []
            for _ in 0..<int(1...3) {
                if chance(0.08) {
                    items.append(scalar())
                    continue
                }
                var members: [[UInt8]] = []
                if chance(0.9) { members.append(key("name") + colon() + (chance(0.85) ? textString() : scalar())) }
                if chance(0.9) {
                    let bytes =
                        chance(0.7)
                        ? Array(String(int(0...999_999)).utf8)
                        : Array(
                            pick([
                                "-1", "1.5", "1e15", "999999999999999", "1.0", "12.000000000000000001", "11.9999999999999999999", "\"12\"",
                                "true", "null", "1e2", "-0",
                            ]).utf8)
                    members.append(key("bytes") + colon() + bytes)
                }
                if chance(0.2) { members.append(key(pick(["type", "name", "bytes"])) + colon() + anyValue(depth: 1)) }
                members.shuffle(using: &random)
                items.append(Array("{".utf8) + members.joined(separator: Array(",".utf8)) + Array("}".utf8))
            }
            return Array("[".utf8) + space() + items.joined(separator: Array(",".utf8) + space()) + (chance(0.05) ? Array(",".utf8) : [])
                + Array("]".utf8)
        }
    }

    /// Any JSON value, nested a few levels.
    mutating func anyValue(depth: Int) -> [UInt8] {
        switch int(0...5) {
        case 0 where depth < 4:
            let elements = (0..<int(0...3)).map { _ in anyValue(depth: depth + 1) }
            return Array("[".utf8) + elements.joined(separator: Array(",".utf8) + space()) + Array("]".utf8)
        case 1 where depth < 4:
            let members = (0..<int(0...3)).map { _ in key(pick(["k", "id", "from", "ü", ""])) + colon() + anyValue(depth: depth + 1) }
            return Array("{".utf8) + members.joined(separator: Array(",".utf8) + space()) + Array("}".utf8)
        case 2, 3: return textString()
        default: return scalar()
        }
    }

    // MARK: Strings

    /// A JSON string whose text is `text`, escaped as JSON requires, with some characters escaped
    /// though they need not be (`plain` escapes only what must be).
    mutating func string(of text: String, plain: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = [0x22]
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": bytes += Array(#"\""#.utf8)
            case "\\": bytes += Array(#"\\"#.utf8)
            case "\n": bytes += Array(#"\n"#.utf8)
            case "\r": bytes += Array(#"\r"#.utf8)
            case "\t": bytes += Array(#"\t"#.utf8)
            case _ where scalar.value < 0x20: bytes += Array(String(format: "\\u%04x", scalar.value).utf8)
            case _ where !plain && chance(0.05): bytes += escaped(scalar)
            default: bytes += Array(String(scalar).utf8)
            }
        }
        return bytes + [0x22]
    }

    /// `\uXXXX`, or a surrogate pair for astral characters, in either case.
    mutating func escaped(_ scalar: Unicode.Scalar) -> [UInt8] {
        let format = chance(0.5) ? "\\u%04x" : "\\u%04X"
        if scalar.value < 0x10000 { return Array(String(format: format, scalar.value).utf8) }
        let value = scalar.value - 0x10000
        return Array((String(format: format, 0xD800 + (value >> 10)) + String(format: format, 0xDC00 + (value & 0x3FF))).utf8)
    }

    /// A string made of pieces: words, escapes, characters from every plane, white space Foundation
    /// trims, byte order marks, and in one string out of five something JSON refuses (so that most
    /// lines still get past the parser and reach the field checks).
    mutating func textString() -> [UInt8] {
        let allowInvalid = chance(0.2)
        var bytes: [UInt8] = [0x22]
        for _ in 0..<int(0...12) { bytes += piece(allowInvalid: allowInvalid) }
        return bytes + [0x22]
    }

    mutating func piece(allowInvalid: Bool) -> [UInt8] {
        var roll = int(0...99)
        if !allowInvalid, (86..<95).contains(roll) { roll = int(0...85) }
        switch roll {
        case 0..<30:
            return Array(
                pick(["Hello", "order", " ", "  ", "Où", "返品", "x", "111-2222222-3333333", "Return authorization request for order"]).utf8)
        case 30..<45:
            return Array(
                pick([
                    #"\n"#, #"\r\n"#, #"\r"#, #"\t"#, #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, "\\u0000", "\\u001f", "\\u00e9", "\\u00E9",
                    "\\uFEFF",
                ]).utf8)
        case 45..<55: return escaped(randomScalar())
        case 55..<70: return Array(String(randomScalar()).utf8)
        case 70..<78:
            return Array(
                pick([
                    "\u{00A0}", "\u{2000}", "\u{200A}", "\u{3000}", "\u{1680}", "\u{202F}", "\u{205F}", "\u{0085}", "\u{2028}", "e\u{0301}",
                    "\u{FEFF}",
                ]).utf8)
        case 78..<83: return [0xEF, 0xBB, 0xBF]
        case 83..<86: return Array("\u{1F600}\u{10FFFF}\u{E000}\u{FFFF}".utf8)
        case 86..<88:
            return Array(
                pick(["\\ud800", "\\udc00", "\\ud83d\\u0041", "\\ud83d", "\\ud83d\\ud83d", "\\udfff\\ud800", "\\ud83d\\ude00"]).utf8)
        case 88..<90: return Array(pick(["\\x", "\\u12G4", "\\U0041", "\\", "\\u00", "\\'"]).utf8)
        case 90..<92: return pick([[0x01], [0x1F], [0x09], [0x7F], [0x0D]])
        case 92..<95:
            return pick([[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF0, 0x9F, 0x98]])
        default: return Array(pick(["'", "{", "}", "[", "]", ",", ":"]).utf8)
        }
    }

    /// A scalar from anywhere: ASCII, Latin, CJK, combining marks, private use, astral planes.
    mutating func randomScalar() -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF, 0x300...0x36F]
        while true {
            if let scalar = Unicode.Scalar(UInt32.random(in: pick(ranges), using: &random)) { return scalar }
        }
    }

    // MARK: Other lines

    mutating func topLevelOther() -> [UInt8] {
        switch int(0...4) {
        case 0:
            return Array("[".utf8) + (0..<int(0...3)).map { _ in anyValue(depth: 1) }.joined(separator: Array(",".utf8)) + Array("]".utf8)
        case 1: return textString()
        case 2: return number()
        case 3: return Array(pick(["true", "null", "false", "[1e400]", "[1,]", "[,]", "{}", "{,}", "{\"a\"}", "{\"a\":}", "{:1}"]).utf8)
        default: return space() + Array("{}".utf8) + space()
        }
    }

    /// A record with an unknown key nested close to JSONSerialization's limit of 512 levels.
    mutating func deepRecord() -> [UInt8] {
        let levels = int(505...515)
        var nested: [UInt8] = []
        var closers: [UInt8] = []
        for _ in 0..<levels {
            if chance(0.5) {
                nested += Array("[".utf8)
                closers.insert(UInt8(ascii: "]"), at: 0)
            } else {
                nested += Array(#"{"k":"#.utf8)
                closers.insert(UInt8(ascii: "}"), at: 0)
            }
        }
        let inner = chance(0.5) ? Array("1".utf8) : Array("\"x\"".utf8)
        return Array(#"{"from":"buyer","at":"2026-03-01T09:30:00Z","deep":"#.utf8) + nested + inner + closers + Array("}".utf8)
    }

    /// A line broken or re-encoded.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        switch int(0...9) {
        case 0 where !bytes.isEmpty: bytes.removeLast(int(1...bytes.count))
        case 1 where !bytes.isEmpty: bytes.remove(at: int(0...(bytes.count - 1)))
        case 2:
            let inserted: [UInt8] = pick([
                [0x2C], [0x7D], [0x5D], [0x22], [0x27], [0x5C], [0x00], [0xFF], [0xC3], [0x7B], [0x5B], [0x20], [0x3A], [0x0D],
            ])
            bytes.insert(contentsOf: inserted, at: int(0...bytes.count))
        case 3: bytes = bytes.map { $0 == 0x22 ? 0x27 : $0 }
        case 4: bytes += Array(pick(["x", "}", " ", "\t", ",", "{}", "\r", "]", "\u{0}"]).utf8)
        case 5: bytes = [0xEF, 0xBB, 0xBF] + bytes
        case 6, 7: bytes = reencoded(bytes)
        case 8: bytes = pick([[0x20], [0x0D], [0xEF, 0xBB, 0xBF], [0x00]]) + bytes
        default:
            if let index = bytes.indices.randomElement(using: &random) { bytes[index] = UInt8.random(in: 0...255, using: &random) }
        }
        return bytes
    }

    /// The line in UTF-16 or UTF-32, with or without a byte order mark (Foundation reads them).
    mutating func reencoded(_ bytes: [UInt8]) -> [UInt8] {
        let encoding = pick([String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian])
        guard let text = String(bytes: bytes, encoding: .utf8), var data = text.data(using: encoding) else { return bytes }
        if chance(0.5) {
            let marks: [String.Encoding: [UInt8]] = [
                .utf16LittleEndian: [0xFF, 0xFE], .utf16BigEndian: [0xFE, 0xFF], .utf32LittleEndian: [0xFF, 0xFE, 0, 0],
                .utf32BigEndian: [0, 0, 0xFE, 0xFF],
            ]
            data = Data(marks[encoding] ?? []) + data
        }
        return [UInt8](data)
    }
}
