import Foundation

/// Reads one line of a JSON Lines export into `JSONLRecordFields`: a strict RFC 8259 reader over the
/// line's bytes that keeps only the documented fields and checks everything else without building it.
///
/// It replaced JSONSerialization, which cost about 30 s of CPU per million lines, most of it spent
/// building `Any` values (NSNumber, dictionaries) and casting them back, CPU the importing writer
/// needs. Measured on one core over 200,000 exported lines (2026-11-26, load 3.4): JSONSerialization
/// with the casts 3.5 s, Foundation's `JSONDecoder` into a `Decodable` record 2.8 s (it too builds a
/// value tree first, and would still need the number and flag rules below written around it), this
/// reader with the field checks 0.8 s.
/// A line must read exactly as it did through JSONSerialization (Swift 6.3, swift-corelibs-foundation),
/// so this reader accepts and rejects what it did, leniencies included; the differential tests in
/// `JSONLDecoderDifferentialTests` hold the two side by side:
/// - white space is space, tab, CR and LF only; a trailing comma is allowed in objects and arrays;
/// - nesting deeper than 512 arrays and objects is an error;
/// - a string's escapes include `\/`; a `\u` high surrogate must be followed by a `\u` low surrogate,
///   and a lone surrogate (high or low) fails the line; raw control characters (below U+0020) fail it;
/// - each run of raw bytes between escapes must be UTF-8, and loses one leading byte order mark
///   (`String(bytes:encoding: .utf8)`, which JSONSerialization used per run, drops it);
/// - a key given twice keeps its last value, keys compared as Swift strings (canonical equivalence);
/// - a number that JSONSerialization could not represent (`1e400`) fails the line wherever it is, unless
///   a later value for the same key replaced the value that held it: JSONSerialization built the
///   dictionaries first (the last value of a key wins) and converted numbers afterwards;
/// - the line's encoding is told by `JSONLineEncoding`.
///
/// The result: the fields, `notAnObject` for valid JSON that is not an object (an array; a bare value
/// is `notValidJSON`, as JSONSerialization refused fragments), or `notValidJSON`.
struct JSONLRecordDecoder {
    enum Failure: Error, Equatable {
        case notValidJSON
        case notAnObject
    }

    /// The text of a string with escapes, built here; kept from line to line so it is allocated once.
    private var scratch: [UInt8] = []

    init() {}

    mutating func decode(_ line: ArraySlice<UInt8>) throws(Failure) -> JSONLRecordFields {
        let result = line.withUnsafeBufferPointer { bytes in Result { () throws(Failure) in try decode(bytes) } }
        return try result.get()
    }

    mutating func decode(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONLRecordFields {
        switch JSONLineEncoding(of: line) {
        case .utf8(let skip):
            return try parse(UnsafeBufferPointer(rebasing: line[skip...]))
        case .other(let encoding, let skip):
            guard let text = String(bytes: line[skip...], encoding: encoding) else { throw .notValidJSON }
            let utf8 = Array(text.utf8)
            let result = utf8.withUnsafeBufferPointer { bytes in Result { () throws(Failure) in try parse(bytes) } }
            return try result.get()
        }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONLRecordFields {
        guard let base = bytes.baseAddress else { throw .notValidJSON }
        // The buffer is lent to the parser, not shared with it, so appending never copies it.
        var parser = Parser(base: base, end: bytes.count)
        swap(&parser.scratch, &scratch)
        defer { swap(&parser.scratch, &scratch) }
        return try parser.record()
    }
}

extension JSONLRecordDecoder {
    /// The keys any of the objects read holds: the record's fields and an attachment's two.
    enum Key {
        case field(JSONLRecordFields.Name)
        case name
        case bytes
        case other
    }

    private struct Parser {
        let base: UnsafePointer<UInt8>
        let end: Int
        var index = 0
        var scratch: [UInt8] = []

        init(base: UnsafePointer<UInt8>, end: Int) {
            self.base = base
            self.end = end
        }

        /// JSONSerialization's limit on open arrays and objects.
        static let maximumDepth = 512

        // MARK: The record

        mutating func record() throws(Failure) -> JSONLRecordFields {
            skipWhitespace()
            guard index < end else { throw .notValidJSON }
            let first = base[index]
            var fields = JSONLRecordFields()
            let unrepresentable: Bool
            if first == .openBrace {
                unrepresentable = try readObject(depth: 0) { (parser, key) throws(Failure) in
                    switch key {
                    case .field(.attachments):
                        let attachments = try parser.readAttachments(depth: 1)
                        fields.attachments = attachments ?? .other(.null)
                        return attachments == nil
                    case .field(let name):
                        let value = try parser.readValue(depth: 1)
                        fields.set(name, value ?? .null)
                        return value == nil
                    default: return try parser.skipValue(depth: 1)
                    }
                }
            } else {
                unrepresentable = try skipValue(depth: 0)
            }
            skipWhitespace()
            guard index == end, !unrepresentable else { throw .notValidJSON }
            switch first {
            case .openBrace: return fields
            case .openBracket: throw .notAnObject
            default: throw .notValidJSON
            }
        }

        /// `attachments`, or nil when a number in it that JSONSerialization kept is one it could not
        /// represent.
        mutating func readAttachments(depth: Int) throws(Failure) -> JSONLRecordFields.Attachments? {
            guard index < end, base[index] == .openBracket else { return try readValue(depth: depth).map { .other($0) } }
            var items: [JSONLRecordFields.Attachment] = []
            let unrepresentable = try readArray(depth: depth) { (parser) throws(Failure) in
                let item = try parser.readAttachment(depth: depth + 1)
                items.append(item ?? .other)
                return item == nil
            }
            return unrepresentable ? nil : .list(items)
        }

        mutating func readAttachment(depth: Int) throws(Failure) -> JSONLRecordFields.Attachment? {
            guard index < end, base[index] == .openBrace else { return try skipValue(depth: depth) ? nil : .other }
            var name: JSONLRecordFields.Value?
            var bytes: JSONLRecordFields.Value?
            let unrepresentable = try readObject(depth: depth) { (parser, key) throws(Failure) in
                switch key {
                case .name:
                    name = try parser.readValue(depth: depth + 1)
                    return name == nil
                case .bytes:
                    bytes = try parser.readValue(depth: depth + 1)
                    return bytes == nil
                default: return try parser.skipValue(depth: depth + 1)
                }
            }
            return unrepresentable ? nil : .object(name: name, bytes: bytes)
        }

        // MARK: Values

        /// The value at `index` (white space already skipped), inside `depth` open containers; nil
        /// when it is or holds a number JSONSerialization could not represent (the caller decides
        /// whether that number was kept).
        mutating func readValue(depth: Int) throws(Failure) -> JSONLRecordFields.Value? {
            guard index < end else { throw .notValidJSON }
            switch base[index] {
            case .quote: return .string(try readString())
            case .openBrace, .openBracket: return try skipValue(depth: depth) ? nil : .container
            case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try readBool())
            case UInt8(ascii: "n"):
                try readNull()
                return .null
            default: return try readNumber().map { .number($0) }
            }
        }

        /// Checks the value at `index` as `readValue` would read it, without keeping it. True when
        /// it is or holds a number JSONSerialization could not represent.
        mutating func skipValue(depth: Int) throws(Failure) -> Bool {
            guard index < end else { throw .notValidJSON }
            switch base[index] {
            case .quote:
                try skipString()
                return false
            case .openBrace:
                return try readObject(depth: depth) { (parser, _) throws(Failure) in try parser.skipValue(depth: depth + 1) }
            case .openBracket:
                return try readArray(depth: depth) { (parser) throws(Failure) in try parser.skipValue(depth: depth + 1) }
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                _ = try readBool()
                return false
            case UInt8(ascii: "n"):
                try readNull()
                return false
            default: return try readNumber() == nil
            }
        }

        /// The object whose `{` is at `index`; `member` is called with each key and the parser at its
        /// value (white space skipped), must read that value and say whether it holds a number
        /// JSONSerialization could not represent. True when a value the object keeps does: a later
        /// value for a key replaces an earlier one, keys compared as JSONSerialization's dictionary
        /// compared them, as Swift strings.
        mutating func readObject(depth: Int, _ member: (inout Parser, Key) throws(Failure) -> Bool) throws(Failure) -> Bool {
            guard depth < Self.maximumDepth else { throw .notValidJSON }
            index += 1
            skipWhitespace()
            guard index < end else { throw .notValidJSON }
            if base[index] == .closeBrace {
                index += 1
                return false
            }
            // The keys whose last value so far holds an unrepresentable number; nearly always none,
            // and only then are keys built as strings.
            var unrepresentableKeys: [String] = []
            while true {
                guard base[index] == .quote else { throw .notValidJSON }
                let keyStart = index
                let key = try readKey()
                skipWhitespace()
                guard index < end, base[index] == .colon else { throw .notValidJSON }
                index += 1
                skipWhitespace()
                var keyText: String?
                if !unrepresentableKeys.isEmpty {
                    let text = try string(at: keyStart)
                    unrepresentableKeys.removeAll { $0 == text }
                    keyText = text
                }
                if try member(&self, key) {
                    if let keyText {
                        unrepresentableKeys.append(keyText)
                    } else {
                        unrepresentableKeys.append(try string(at: keyStart))
                    }
                }
                skipWhitespace()
                guard index < end else { throw .notValidJSON }
                switch base[index] {
                case .closeBrace:
                    index += 1
                    return !unrepresentableKeys.isEmpty
                case .comma:
                    index += 1
                    skipWhitespace()
                    guard index < end else { throw .notValidJSON }
                    // JSONSerialization accepts a trailing comma.
                    if base[index] == .closeBrace {
                        index += 1
                        return !unrepresentableKeys.isEmpty
                    }
                default: throw .notValidJSON
                }
            }
        }

        /// The array whose `[` is at `index`; `element` is called with the parser at each element
        /// (white space skipped), must read it and say whether it holds a number JSONSerialization
        /// could not represent. True when one does.
        mutating func readArray(depth: Int, _ element: (inout Parser) throws(Failure) -> Bool) throws(Failure) -> Bool {
            guard depth < Self.maximumDepth else { throw .notValidJSON }
            index += 1
            skipWhitespace()
            guard index < end else { throw .notValidJSON }
            if base[index] == .closeBracket {
                index += 1
                return false
            }
            var unrepresentable = false
            while true {
                if try element(&self) { unrepresentable = true }
                skipWhitespace()
                guard index < end else { throw .notValidJSON }
                switch base[index] {
                case .closeBracket:
                    index += 1
                    return unrepresentable
                case .comma:
                    index += 1
                    skipWhitespace()
                    guard index < end else { throw .notValidJSON }
                    // JSONSerialization accepts a trailing comma.
                    if base[index] == .closeBracket {
                        index += 1
                        return unrepresentable
                    }
                default: throw .notValidJSON
                }
            }
        }

        mutating func readBool() throws(Failure) -> Bool {
            if matches("true") { return true }
            if matches("false") { return false }
            throw .notValidJSON
        }

        mutating func readNull() throws(Failure) {
            guard matches("null") else { throw .notValidJSON }
        }

        /// Whether `literal` is at `index`; if so, `index` moves past it.
        mutating func matches(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard end - index >= count, memcmp(base + index, literal.utf8Start, count) == 0 else { return false }
            index += count
            return true
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, which must be followed by white space,
        /// `,`, `]`, `}` or the end of the line (JSONSerialization's number scanner refuses anything
        /// else there). Nil when JSONSerialization could not represent the number.
        mutating func readNumber() throws(Failure) -> JSONNumber? {
            let start = index
            if base[index] == .minus { index += 1 }
            guard index < end else { throw .notValidJSON }
            if base[index] == .zero {
                index += 1
            } else if base[index].isDigit {
                skipDigits()
            } else {
                throw .notValidJSON
            }
            if index < end, base[index] == .point {
                index += 1
                guard index < end, base[index].isDigit else { throw .notValidJSON }
                skipDigits()
            }
            if index < end, base[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < end, base[index] == .plus || base[index] == .minus { index += 1 }
                guard index < end, base[index].isDigit else { throw .notValidJSON }
                skipDigits()
            }
            if index < end {
                switch base[index] {
                case .space, .tab, .lineFeed, .carriageReturn, .comma, .closeBracket, .closeBrace: break
                default: throw .notValidJSON
                }
            }
            return JSONNumber(literal: UnsafeBufferPointer(start: base + start, count: index - start))
        }

        mutating func skipDigits() {
            while index < end, base[index].isDigit { index += 1 }
        }

        mutating func skipWhitespace() {
            while index < end {
                switch base[index] {
                case .space, .tab, .lineFeed, .carriageReturn: index += 1
                default: return
                }
            }
        }

        // MARK: Strings

        /// The string whose opening quote is at `start`, read again; `index` stays where it is.
        mutating func string(at start: Int) throws(Failure) -> String {
            let resume = index
            defer { index = resume }
            index = start
            return try readString()
        }

        /// The string whose opening quote is at `index`.
        mutating func readString() throws(Failure) -> String {
            let text = try scanString()
            return try withText(text) { (bytes) throws(Failure) in
                guard text.isASCII || bytes.isValidUTF8 else { throw .notValidJSON }
                return String(decoding: bytes, as: UTF8.self)
            }
        }

        /// The key whose opening quote is at `index`, if it is one the record reads. Keys are compared
        /// byte for byte: JSONSerialization's dictionary compared them as Swift strings (canonical
        /// equivalence), but no other string is canonically equivalent to these ASCII names (the only
        /// one-scalar decompositions to ASCII are K, `;` and `` ` ``, which they do not contain).
        mutating func readKey() throws(Failure) -> Key {
            let text = try scanString()
            return try withText(text) { (bytes) throws(Failure) in
                let key = Self.key(bytes)
                if case .other = key, !text.isASCII, !bytes.isValidUTF8 { throw .notValidJSON }
                return key
            }
        }

        /// Checks the string whose opening quote is at `index` without building it.
        mutating func skipString() throws(Failure) {
            let text = try scanString()
            guard !text.isASCII else { return }
            guard try withText(text, { $0.isValidUTF8 }) else { throw .notValidJSON }
        }

        /// A scanned string's text, in the line or in `scratch`.
        func withText<Result>(_ text: ScannedString, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure)
            -> Result
        {
            if let raw = text.raw { return try body(UnsafeBufferPointer(start: base + raw.lowerBound, count: raw.count)) }
            let result = scratch.withUnsafeBufferPointer { bytes in Swift.Result { () throws(Failure) in try body(bytes) } }
            return try result.get()
        }

        static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
            func equals(_ name: StaticString) -> Bool {
                guard let start = bytes.baseAddress, bytes.count == name.utf8CodeUnitCount else { return false }
                return memcmp(start, name.utf8Start, bytes.count) == 0
            }
            switch bytes.count {
            case 2: return equals("id") ? .field(.id) : equals("at") ? .field(.at) : .other
            case 4:
                return equals("from") ? .field(.from) : equals("body") ? .field(.body) : equals("name") ? .name : .other
            case 5: return equals("bytes") ? .bytes : .other
            case 6: return equals("thread") ? .field(.thread) : .other
            case 7: return equals("subject") ? .field(.subject) : .other
            case 8: return equals("order_id") ? .field(.orderID) : .other
            case 10: return equals("auto_reply") ? .field(.autoReply) : .other
            case 11: return equals("attachments") ? .field(.attachments) : .other
            case 18: return equals("no_response_needed") ? .field(.noResponseNeeded) : .other
            default: return .other
            }
        }

        /// Where a string's text is, and whether it is all ASCII (so UTF-8 without checking).
        struct ScannedString {
            /// The text's range in the line when it is the raw bytes (no escape; a leading byte order
            /// mark left out); nil when the text is in `scratch`.
            var raw: Range<Int>?
            var isASCII: Bool
        }

        /// Moves past the string whose opening quote is at `index`. Its text is not yet checked to
        /// be UTF-8.
        mutating func scanString() throws(Failure) -> ScannedString {
            index += 1
            var runStart = index
            var seen: UInt64 = 0
            skipPlainBytes(&seen)
            guard index < end else { throw .notValidJSON }
            if base[index] == .quote {
                let text = skippingByteOrderMark(runStart..<index)
                index += 1
                return ScannedString(raw: text, isASCII: seen & Self.highBits == 0)
            }
            scratch.removeAll(keepingCapacity: true)
            var escapedNonASCII = false
            while true {
                guard index < end else { throw .notValidJSON }
                let byte = base[index]
                if byte == .quote {
                    appendRun(runStart..<index)
                    index += 1
                    return ScannedString(raw: nil, isASCII: !escapedNonASCII && seen & Self.highBits == 0)
                } else if byte == .backslash {
                    appendRun(runStart..<index)
                    if try readEscape() { escapedNonASCII = true }
                    runStart = index
                    skipPlainBytes(&seen)
                } else {
                    throw .notValidJSON  // a control character
                }
            }
        }

        static let lowBits: UInt64 = 0x0101_0101_0101_0101
        static let highBits: UInt64 = 0x8080_8080_8080_8080

        /// Moves `index` to the next quote, backslash or control character (or the end), eight bytes
        /// at a time where it can: a string's bytes are most of a line. `seen` collects the bits of
        /// the bytes passed, to tell whether they were all ASCII.
        mutating func skipPlainBytes(_ seen: inout UInt64) {
            while end - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Bit-twiddling hacks: a lane is zero in `word ^ c·0x01…` where a byte equals c, and
                // `(word - 0x20·0x01…) & ~word & 0x80…` is not zero when a byte is below 0x20.
                let quotes = word ^ (Self.lowBits &* UInt64(UInt8.quote))
                let backslashes = word ^ (Self.lowBits &* UInt64(UInt8.backslash))
                let special =
                    ((quotes &- Self.lowBits) & ~quotes) | ((backslashes &- Self.lowBits) & ~backslashes)
                    | ((word &- Self.lowBits &* 0x20) & ~word)
                if special & Self.highBits != 0 { break }
                seen |= word
                index += 8
            }
            while index < end {
                let byte = base[index]
                if byte == .quote || byte == .backslash || byte < 0x20 { return }
                seen |= UInt64(byte)
                index += 1
            }
        }

        /// JSONSerialization read each run of raw bytes with `String(bytes:encoding: .utf8)`, which
        /// drops one leading byte order mark.
        func skippingByteOrderMark(_ run: Range<Int>) -> Range<Int> {
            guard run.count >= 3, base[run.lowerBound] == 0xEF, base[run.lowerBound + 1] == 0xBB, base[run.lowerBound + 2] == 0xBF
            else { return run }
            return (run.lowerBound + 3)..<run.upperBound
        }

        mutating func appendRun(_ run: Range<Int>) {
            let text = skippingByteOrderMark(run)
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + text.lowerBound, count: text.count))
        }

        /// The escape whose backslash is at `index`, appended to `scratch` as UTF-8. True when it
        /// wrote a character beyond ASCII.
        mutating func readEscape() throws(Failure) -> Bool {
            index += 1
            guard index < end else { throw .notValidJSON }
            let byte = base[index]
            index += 1
            switch byte {
            case .quote, .backslash, .slash: scratch.append(byte)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let unit = try readHexUnit()
                var value = UInt32(unit)
                if unit & 0xFC00 == 0xD800 {
                    guard end - index >= 2, base[index] == .backslash, base[index + 1] == UInt8(ascii: "u") else { throw .notValidJSON }
                    index += 2
                    let low = try readHexUnit()
                    guard low & 0xFC00 == 0xDC00 else { throw .notValidJSON }
                    value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                } else if unit & 0xF800 == 0xD800 {
                    throw .notValidJSON  // a low surrogate without a high one before it
                }
                appendUTF8(value)
                return value >= 0x80
            default: throw .notValidJSON
            }
            return false
        }

        /// Four hex digits after `\u`.
        mutating func readHexUnit() throws(Failure) -> UInt16 {
            guard end - index >= 4 else { throw .notValidJSON }
            var unit: UInt16 = 0
            for offset in 0..<4 {
                let byte = base[index + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw .notValidJSON
                }
                unit = unit << 4 | UInt16(digit)
            }
            index += 4
            return unit
        }

        mutating func appendUTF8(_ value: UInt32) {
            switch value {
            case ..<0x80:
                scratch.append(UInt8(value))
            case ..<0x800:
                scratch.append(UInt8(0xC0 | value >> 6))
                scratch.append(UInt8(0x80 | value & 0x3F))
            case ..<0x10000:
                scratch.append(UInt8(0xE0 | value >> 12))
                scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
                scratch.append(UInt8(0x80 | value & 0x3F))
            default:
                scratch.append(UInt8(0xF0 | value >> 18))
                scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
                scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
                scratch.append(UInt8(0x80 | value & 0x3F))
            }
        }

    }
}

extension UInt8 {
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let minus = UInt8(ascii: "-")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let point = UInt8(ascii: ".")
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")

    fileprivate var isDigit: Bool { self &- UInt8(ascii: "0") <= 9 }
}
