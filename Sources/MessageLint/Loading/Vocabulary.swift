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
        var words: [String] = []
        for line in contents.utf8.split(separator: UInt8(ascii: "\n")) {
            let content = line.prefix { $0 != UInt8(ascii: "#") }
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let first = content.firstIndex(where: { !isSpace($0) }), let last = content.lastIndex(where: { !isSpace($0) })
            else { continue }
            words.append(String(decoding: content[first...last], as: UTF8.self))
        }
        self.init(name: name, words: words)
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
        guard !root.children.isEmpty else { return "(?!)" }
        var out = "(?:"
        Self.emit(root, into: &out)
        return out + ")"
    }

    /// Appends the node's branches; writing into one string keeps a 1,500-word list fast to build.
    private static func emit(_ node: Node, into out: inout String) {
        let keys = node.children.keys.sorted()
        guard !keys.isEmpty else { return }
        let single = keys.count == 1
        // A word ending here may also continue: the group is optional and greedy, so longer words
        // are tried first.
        let grouped = !single || node.isWord
        if grouped { out += "(?:" }
        for (index, key) in keys.enumerated() {
            if index > 0 { out += "|" }
            escape(key, into: &out)
            emit(node.children[key]!, into: &out)
        }
        if grouped { out += node.isWord ? ")?" : ")" }
    }

    private static func escape(_ scalar: Unicode.Scalar, into out: inout String) {
        // Outside ASCII letters and digits, a backslash makes any ASCII character literal.
        if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) { out += "\\" }
        out.unicodeScalars.append(scalar)
    }
}
