/// A text prepared for matching: its UTF-8 bytes, and the conversion of byte offsets (what PCRE2
/// reports) to code-point offsets and 1-based line and column (what Parley reports).
///
/// Columns count Unicode code points, as Yams' marks do, never `Character`s or UTF-16 units. A line
/// ends after `\n`; a `\r` before it belongs to the line, so CRLF text reports the same lines as LF.
public struct UTF8Text: Sendable {
    public let string: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]
    /// Code-point offset at which each line starts.
    private let lineStartCodePoints: [Int]
    /// The number of code points in the whole text.
    public let codePointCount: Int

    public init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        self.bytes = bytes
        var lineStarts = [0]
        var lineStartCodePoints = [0]
        var codePoints = 0
        for (index, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { codePoints += 1 }
            if byte == 0x0A {
                lineStarts.append(index + 1)
                lineStartCodePoints.append(codePoints)
            }
        }
        self.lineStarts = lineStarts
        self.lineStartCodePoints = lineStartCodePoints
        self.codePointCount = codePoints
    }

    public var byteCount: Int { bytes.count }

    var lineStartsCount: Int { lineStarts.count }

    /// The byte offset at which a 1-based line starts.
    func lineStart(_ number: Int) -> Int { lineStarts[number - 1] }

    /// The position of a byte offset (clamped to the text). `offset` must be on a code-point boundary,
    /// as every PCRE2 match offset in UTF mode is.
    public func position(ofByte offset: Int) -> TextPosition {
        let offset = min(max(offset, 0), bytes.count)
        // The last line start at or before `offset`.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 0
        for index in lineStarts[low]..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return TextPosition(line: low + 1, column: column + 1, codePointOffset: lineStartCodePoints[low] + column)
    }

    /// The byte offset at which the code point with this 0-based offset begins (clamped to the text).
    public func byteOffset(ofCodePoint offset: Int) -> Int {
        guard offset > 0 else { return 0 }
        guard offset < codePointCount else { return bytes.count }
        // The last line starting at or before the code point, then its bytes up to it.
        var low = 0, high = lineStartCodePoints.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStartCodePoints[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var index = lineStarts[low], seen = lineStartCodePoints[low]
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if seen == offset { return index }
                seen += 1
            }
            index += 1
        }
        return bytes.count
    }

    /// The number of code points in a byte range.
    public func codePointCount(of range: Range<Int>) -> Int {
        let lower = min(max(range.lowerBound, 0), bytes.count), upper = min(max(range.upperBound, lower), bytes.count)
        var count = 0
        for index in lower..<upper where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The text of a byte range.
    public func substring(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count), upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The text of the given 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A place in a text: 1-based line and column (in code points) and the 0-based code-point offset.
public struct TextPosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public var codePointOffset: Int

    public init(line: Int, column: Int, codePointOffset: Int) {
        self.line = line
        self.column = column
        self.codePointOffset = codePointOffset
    }
}

extension UTF8Text {
    /// The number of lines (a text without line breaks has one).
    public var lineCount: Int { lineStartsCount }

    /// The position at which a 1-based line starts (the end of the text past the last line).
    public func position(ofLine number: Int) -> TextPosition {
        guard number >= 1 else { return TextPosition(line: 1, column: 1, codePointOffset: 0) }
        guard number <= lineStartsCount else { return position(ofByte: bytes.count) }
        return position(ofByte: lineStart(number))
    }
}
