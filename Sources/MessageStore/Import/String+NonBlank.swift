import Foundation

extension String {
    /// nil when empty or only white space.
    var nonBlank: String? {
        // Most values have nothing to trim; skip Foundation's round trip through NSString for them.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isWhitespaceOrNewline, !last.isWhitespaceOrNewline {
            return self
        }
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension Unicode.Scalar {
    /// Membership in `CharacterSet.whitespacesAndNewlines`. The set is looked up only beyond ASCII:
    /// on Linux each look-up went through Foundation, several times per imported message, and in
    /// ASCII the set is exactly tab, the line breaks LF, VT, FF, CR, and space.
    var isWhitespaceOrNewline: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
        return CharacterSet.whitespacesAndNewlines.contains(self)
    }
}
