import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's round trip through NSString when
    /// there is nothing to trim (the usual case: every field of every exported record passes here).
    func trimmingWhitespaces() -> String {
        // Among ASCII characters the set holds only space and tab, so a string that starts and ends
        // with other ASCII characters is read from its UTF-8 bytes: even asking
        // `CharacterSet.whitespaces` builds a set each time, 3 % of an import's CPU.
        let ends = utf8.withContiguousStorageIfAvailable { bytes in bytes.isEmpty ? nil : (bytes[0], bytes[bytes.count - 1]) } ?? nil
        if let ends, Self.isASCIINonWhitespace(ends.0), Self.isASCIINonWhitespace(ends.1) {
            return self
        }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !CharacterSet.whitespaces.contains(first),
            !CharacterSet.whitespaces.contains(last)
        {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }

    private static func isASCIINonWhitespace(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && byte != 0x09
    }
}
