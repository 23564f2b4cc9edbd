/// The tags of a template's subject or body, read before Mustache compiles it. Templates use a
/// small part of Mustache on purpose: variables (`{{name}}`, `{{{name}}}`, `{{&name}}`), sections
/// (`{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`) and comments (`{{! … }}`). Partials render as
/// nothing when missing, a pragma could switch HTML escaping back on, and new delimiters would hide
/// tags from this scan, so all three are refused with the tag's place.
struct MustacheTags {
    enum Kind: Equatable {
        case variable, section, invertedSection, close, comment
    }

    struct Tag: Equatable {
        var kind: Kind
        var name: String
        /// 1-based, counting Unicode code points (as Yams and the linter do).
        var line: Int
        var column: Int
    }

    struct Problem: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    let tags: [Tag]

    /// The variable names used, in order of first use (comments and closing tags excluded).
    var names: [String] {
        var seen: Set<String> = []
        return tags.filter { $0.kind != .comment && $0.kind != .close && seen.insert($0.name).inserted }.map(\.name)
    }

    init(_ source: String) throws(Problem) {
        let scalars = Array(source.unicodeScalars)
        var tags: [Tag] = []
        var open: [Tag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        while index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            let column = index - lineStart + 1
            let triple = index + 2 < scalars.count && scalars[index + 2] == "{"
            let closer: [Unicode.Scalar] = triple ? ["}", "}", "}"] : ["}", "}"]
            let start = index + (triple ? 3 : 2)
            guard let end = Self.find(closer, in: scalars, from: start) else {
                throw Problem(
                    line: line, column: column, message: "'{{' is never closed with '\(String(String.UnicodeScalarView(closer)))'")
            }
            let inside = String(String.UnicodeScalarView(scalars[start..<end]))
            let written = String(String.UnicodeScalarView(scalars[index..<(end + closer.count)]))
            var tag = Tag(kind: .variable, name: "", line: line, column: column)
            let sigil = triple ? nil : inside.unicodeScalars.first
            switch sigil {
            case "!":
                tag.kind = .comment
            case ">":
                throw Problem(
                    line: line, column: column,
                    message: "partials ('\(written)') are not supported: each template is one self-contained file")
            case "<", "$":
                throw Problem(line: line, column: column, message: "template inheritance ('\(written)') is not supported")
            case "=":
                throw Problem(line: line, column: column, message: "changing the delimiters ('\(written)') is not supported")
            case "%":
                throw Problem(
                    line: line, column: column,
                    message: "pragmas ('\(written)') are not supported: templates always render as plain text")
            case "#", "^", "/", "&":
                tag.kind = sigil == "#" ? .section : sigil == "^" ? .invertedSection : sigil == "/" ? .close : .variable
                tag.name = try Self.name(String(inside.dropFirst()), written: written, line: line, column: column)
            default:
                tag.name = try Self.name(inside, written: written, line: line, column: column)
            }
            switch tag.kind {
            case .section, .invertedSection:
                open.append(tag)
            case .close:
                guard let last = open.popLast() else {
                    throw Problem(line: line, column: column, message: "'\(written)' closes no open section")
                }
                guard last.name == tag.name else {
                    throw Problem(
                        line: line, column: column,
                        message: "'\(written)' does not close the open section '\(last.kind == .section ? "{{#" : "{{^")\(last.name)}}'")
                }
            default: break
            }
            tags.append(tag)
            // A comment may span lines; keep counting them.
            for position in index..<(end + closer.count) where scalars[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            index = end + closer.count
        }
        if let unclosed = open.last {
            let opener = unclosed.kind == .section ? "{{#" : "{{^"
            throw Problem(
                line: unclosed.line, column: unclosed.column,
                message: "'\(opener)\(unclosed.name)}}' is never closed with '{{/\(unclosed.name)}}'")
        }
        self.tags = tags
    }

    /// lower_snake_case, surrounding spaces allowed: `{{ order_id }}`.
    private static func name(_ text: String, written: String, line: Int, column: Int) throws(Problem) -> String {
        let name = String(text.trimmingWhitespace)
        guard isVariableName(name) else {
            throw Problem(
                line: line, column: column,
                message: "'\(written)' is not a variable tag: names are lower_snake_case, such as {{order_id}}")
        }
        return name
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "_" }
    }

    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard scalars.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= scalars.count {
            if scalars[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
