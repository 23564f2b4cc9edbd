import MessageLint

/// A template file cut in two: the YAML between the opening and closing `---` lines, and the
/// Mustache body after them. The YAML keeps its opening `---` (a YAML document start), so Yams'
/// line numbers are the file's.
struct FrontMatter {
    /// Line 1 (`---`) up to, not including, the closing `---`.
    let yaml: String
    /// Everything after the closing `---` line.
    let body: String
    /// The file line the body starts on (1-based).
    let bodyLine: Int

    init(file: String, contents: String) throws(TemplateLoadingError) {
        var lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
        if contents.hasSuffix("\n") { lines.removeLast() }
        func isMarker(_ line: Substring) -> Bool {
            line.trimmingSuffix { $0 == " " || $0 == "\t" || $0 == "\r" } == "---"
        }
        guard let first = lines.first, isMarker(first.hasPrefix("\u{FEFF}") ? first.dropFirst() : first) else {
            throw TemplateLoadingError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: "a template starts with YAML front matter between '---' lines (templates/README.md)")
        }
        guard let close = lines.indices.dropFirst().first(where: { isMarker(lines[$0]) }) else {
            throw TemplateLoadingError(
                location: SourceLocation(file: file, line: lines.count + 1, column: 1),
                message: "the front matter has no closing '---' line")
        }
        yaml = lines[..<close].joined(separator: "\n") + "\n"
        body = lines[(close + 1)...].joined(separator: "\n") + (contents.hasSuffix("\n") && close + 1 < lines.count ? "\n" : "")
        bodyLine = close + 2
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
