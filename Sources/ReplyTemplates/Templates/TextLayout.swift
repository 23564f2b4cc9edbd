import Foundation

/// The plain-text clean-up applied to every rendered template. Sections left out by empty values
/// leave blank lines behind, and the format rules flag more than two line breaks in a row, so runs
/// of blank lines collapse to one; a subject is one line.
enum TextLayout {
    static func messageBody(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        var result: [Substring] = []
        for line in lines {
            let isBlank = line.allSatisfy(\.isWhitespace)
            if isBlank, result.last?.isEmpty == true { continue }
            result.append(isBlank ? "" : line)
        }
        return result.joined(separator: "\n")
    }

    static func subjectLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
