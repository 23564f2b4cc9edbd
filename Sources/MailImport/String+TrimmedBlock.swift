extension String {
    /// Line breaks as LF, blank lines around the text and trailing spaces on each line removed, inner
    /// lines as written: how bodies are stored, so re-imports and comparisons see the same text.
    func trimmedBlock() -> String {
        var lines = replacingLineBreaks().split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" || trimmed.last == "\u{00A0}" { trimmed = trimmed.dropLast() }
            return trimmed
        }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
