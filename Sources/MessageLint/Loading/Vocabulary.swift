import Foundation

/// A named word list from `rules/vocabularies/NAME.txt`, spliced into patterns as `{{NAME}}`.
public struct Vocabulary: Sendable, Hashable {
    public let name: String
    public let words: [String]
    /// The words as a trie-factored, non-capturing PCRE2 group, built once: shared prefixes are
    /// matched once, so the cost grows with the length of a word, not the number of words; longer
    /// words are tried before their prefixes.
    public let pattern: String

    public init(name: String, words: [String]) {
        self.name = name
        self.words = words
        self.pattern = TrieAlternation(words: words).pattern
    }

    /// Parses one word per line; blank lines and `#` comments are skipped.
    public init(name: String, contents: String) {
        self.init(
            name: name,
            words: contents.split(whereSeparator: \.isNewline).compactMap { line in
                let word = line.prefix { $0 != "#" }.trimmingWhitespace()
                return word.isEmpty ? nil : String(word)
            })
    }
}

/// Builds `(?:c(?:a|o(?:m|op)?)|…)` from a word list.
struct TrieAlternation {
    private final class Node {
        var children: [Unicode.Scalar: Node] = [:]
        var isWord = false
    }

    private let root = Node()

    init(words: [String]) {
        for word in words where !word.isEmpty {
            var node = root
            for character in word.unicodeScalars {
                if let next = node.children[character] {
                    node = next
                } else {
                    let next = Node()
                    node.children[character] = next
                    node = next
                }
            }
            node.isWord = true
        }
    }

    var pattern: String {
        let body = Self.emit(root)
        return body.isEmpty ? "(?!)" : "(?:\(body))"
    }

    private static func emit(_ node: Node) -> String {
        let branches = node.children.keys.sorted().map { escape($0) + emit(node.children[$0]!) }
        guard !branches.isEmpty else { return "" }
        let alternation = branches.count == 1 ? branches[0] : "(?:\(branches.joined(separator: "|")))"
        guard node.isWord else { return alternation }
        // A word ending here may also continue: try the longer words first (greedy `?`).
        return branches.count == 1 && branches[0].count == 1 ? "\(alternation)?" : "(?:\(branches.joined(separator: "|")))?"
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        // Outside ASCII letters and digits, a backslash makes any ASCII character literal.
        guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return String(scalar) }
        return "\\" + String(scalar)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var trimmed = self
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        return trimmed
    }
}
