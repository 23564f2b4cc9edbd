import Foundation

/// Plain text from an HTML mail part, the way a reader would see it.
///
/// Tags are removed; `script`, `style`, `head`, `title` and comments are dropped with their content;
/// block elements (`br`, `p`, `div`, `tr`, `li`, headings, `table`) become line breaks; white space
/// collapses outside `<pre>`, whose text is kept as written (Amazon puts the buyer's words in one
/// `<pre>`). Entities are decoded last, so `&lt;b&gt;` stays text. Never fails on broken markup.
public enum HTMLText {
    public static func text(fromHTML html: String) -> String {
        var output = ""
        var pendingSpace = false
        var preDepth = 0
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var textRun = String.UnicodeScalarView()

        func flushText() {
            guard !textRun.isEmpty else { return }
            let decoded = HTMLEntities.decode(String(textRun))
            textRun = String.UnicodeScalarView()
            if preDepth > 0 {
                output += decoded.replacingLineBreaks()
                pendingSpace = false
                return
            }
            for character in decoded {
                if character.isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace, let last = output.last, last != "\n", last != " " { output.append(" ") }
                    pendingSpace = false
                    output.append(character == "\u{00A0}" ? " " : character)
                }
            }
        }
        func newline(_ count: Int = 1) {
            pendingSpace = false
            while output.last == " " { output.removeLast() }
            let existing = output.reversed().prefix { $0 == "\n" }.count
            if !output.isEmpty, existing < count { output += String(repeating: "\n", count: count - existing) }
        }

        while index < scalars.count {
            guard scalars[index] == "<" else {
                textRun.append(scalars[index])
                index += 1
                continue
            }
            // A comment, a declaration or a tag; a `<` not starting one is text.
            if matches(scalars, at: index, "<!--") {
                flushText()
                index = find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                continue
            }
            guard index + 1 < scalars.count,
                scalars[index + 1].properties.isAlphabetic || scalars[index + 1] == "/" || scalars[index + 1] == "!"
                    || scalars[index + 1] == "?"
            else {
                textRun.append(scalars[index])
                index += 1
                continue
            }
            flushText()
            let close = findTagEnd(scalars, from: index + 1)
            let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<min(close, scalars.count)]))
            index = min(close + 1, scalars.count)
            let isEnd = inner.hasPrefix("/")
            let name = String(inner.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            switch name {
            case "script", "style", "head", "title":
                if !isEnd, !inner.hasSuffix("/") {
                    // Skip to the matching end tag, whatever is inside.
                    index = findEndTag(scalars, name: name, from: index) ?? scalars.count
                }
            case "br":
                if preDepth > 0 { output += "\n" } else { newline() }
            case "pre":
                if isEnd {
                    preDepth = max(0, preDepth - 1)
                    newline()
                } else {
                    newline()
                    preDepth += 1
                }
            case "p", "div", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr":
                newline(name == "p" || name.hasPrefix("h") && name.count == 2 ? 2 : 1)
            case "li":
                newline()
                if !isEnd { output += "- " }
            case "td", "th":
                if isEnd { pendingSpace = true }
            default:
                break
            }
        }
        flushText()
        // Trim the lines' trailing spaces and the text's blank edges; keep at most one blank line.
        var lines: [Substring] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty, let last = lines.last, last.isEmpty { continue }
            lines.append(trimmed)
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The text of each `<pre>` element, entities decoded, tags inside removed, line breaks as written.
    public static func preformattedBlocks(inHTML html: String) -> [String] {
        var blocks: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while let open = findTagStart(scalars, name: "pre", from: index) {
            let contentStart = findTagEnd(scalars, from: open + 1) + 1
            guard contentStart <= scalars.count else { break }
            let end = findEndTag(scalars, name: "pre", from: contentStart, returnStart: true) ?? scalars.count
            let inner = String(String.UnicodeScalarView(scalars[contentStart..<end]))
            blocks.append(text(fromHTML: "<pre>" + inner + "</pre>"))
            index = end
            if index >= scalars.count { break }
            index += 1
        }
        return blocks
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ literal: String) -> Bool {
        var position = index
        for scalar in literal.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private static func find(_ scalars: [Unicode.Scalar], _ literal: String, from start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            if matches(scalars, at: index, literal) { return index }
            index += 1
        }
        return nil
    }

    /// The index of the `>` closing a tag, skipping quoted attribute values.
    private static func findTagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                // Only an attribute value opens a quote (after `=`), not an apostrophe in junk.
                if index > start, scalars[index - 1] == "=" { quote = scalar }
            } else if scalar == ">" {
                return index
            }
            index += 1
        }
        return scalars.count
    }

    private static func isTagName(_ scalars: [Unicode.Scalar], at index: Int, name: String) -> Bool {
        var position = index
        for scalar in name.unicodeScalars {
            guard position < scalars.count, scalars[position].properties.lowercaseMapping == String(scalar) else {
                return false
            }
            position += 1
        }
        guard position < scalars.count else { return true }
        let next = scalars[position]
        return !(next.properties.isAlphabetic || ("0"..."9").contains(next))
    }

    private static func findTagStart(_ scalars: [Unicode.Scalar], name: String, from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "<", isTagName(scalars, at: index + 1, name: name) { return index }
            index += 1
        }
        return nil
    }

    /// After the matching `</name>`, or at its `<` with `returnStart`.
    private static func findEndTag(
        _ scalars: [Unicode.Scalar], name: String, from start: Int, returnStart: Bool = false
    ) -> Int? {
        var index = start
        while index + 2 < scalars.count {
            if scalars[index] == "<", scalars[index + 1] == "/", isTagName(scalars, at: index + 2, name: name) {
                if returnStart { return index }
                return findTagEnd(scalars, from: index + 2) + 1
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// CRLF and lone CR as LF.
    func replacingLineBreaks() -> String {
        // Most texts have no CR; a native string's bytes are searched in place, which is several
        // times faster than `utf8.contains` (7 % of an import's parsing CPU, every body passes here).
        let hasCR =
            utf8.withContiguousStorageIfAvailable { bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
            ?? utf8.contains(0x0D)
        guard hasCR else { return self }
        return self.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
