import PCRE2
import TestSupport
import Testing

@Suite struct UTF8TextTests {
    /// Code points of every UTF-8 length, line breaks of both kinds and combining sequences.
    private static let pieces: [String] = ["a", "Z", " ", "\n", "\r\n", "é", "e\u{301}", "ß", "€", "名", "👍🏽", "👨‍👩‍👧", "\u{FEFF}", "\t"]

    @Test func codePointCountAndOffsetsAgreeWithUnicodeScalars() {
        var generator = SeededGenerator(seed: 0x7538_5EED)
        for _ in 0..<400 {
            let length = Int.random(in: 0...40, using: &generator)
            let string = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let text = UTF8Text(string)
            let scalars = Array(string.unicodeScalars)
            #expect(text.codePointCount == scalars.count, "\(string.debugDescription)")
            for offset in -1...(scalars.count + 1) {
                let expected = scalars.prefix(max(offset, 0)).reduce(0) { $0 + UTF8.width($1) }
                let byte = text.byteOffset(ofCodePoint: offset)
                #expect(byte == expected, "offset \(offset) in \(string.debugDescription)")
                // Back again: the position of that byte names the same code point.
                #expect(text.position(ofByte: byte).codePointOffset == min(max(offset, 0), scalars.count))
            }
        }
    }

    @Test func emptyText() {
        let text = UTF8Text("")
        #expect(text.codePointCount == 0)
        #expect(text.byteOffset(ofCodePoint: 0) == 0)
        #expect(text.byteOffset(ofCodePoint: 3) == 0)
        #expect(text.lineCount == 1)
    }
}
