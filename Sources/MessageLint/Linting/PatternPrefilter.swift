public import PCRE2

/// Skips a pattern when a text lacks the literals every match of it needs.
///
/// Built once per linter from the required literals of all its patterns (`RequiredLiterals`,
/// derived from the patterns themselves, never written by hand); each field of a draft is then
/// scanned once for all of them. A pattern whose clauses do not all hold cannot match, so running
/// PCRE2 on it would find nothing: findings are the same with and without the prefilter.
public struct PatternPrefilter: Sendable {
    private let scanner: LiteralSetScanner
    /// Clauses of literal ids, by pattern; patterns with no clauses are absent and always run.
    private let clausesByPattern: [ObjectIdentifier: [[Int]]]
    /// Keeps the patterns alive, so that no other pattern can take over an identifier above.
    private let patterns: [PCRE2Regex]

    public init(patterns: [PCRE2Regex]) {
        self.patterns = patterns
        var ids: [String: Int] = [:]
        var clausesByPattern: [ObjectIdentifier: [[Int]]] = [:]
        for pattern in patterns where clausesByPattern[ObjectIdentifier(pattern)] == nil {
            let required = pattern.requiredLiterals
            guard !required.clauses.isEmpty else { continue }
            clausesByPattern[ObjectIdentifier(pattern)] = required.clauses.map { clause in
                clause.map { literal in
                    if let id = ids[literal] { return id }
                    ids[literal] = ids.count
                    return ids.count - 1
                }
            }
        }
        var literals = [String](repeating: "", count: ids.count)
        for (literal, id) in ids { literals[id] = literal }
        self.scanner = LiteralSetScanner(literals: literals)
        self.clausesByPattern = clausesByPattern
    }

    /// The prefilter for every pattern and skip pattern of `rules`.
    public init(rules: [Rule]) {
        self.init(patterns: rules.flatMap { $0.patterns + $0.skips })
    }

    /// How many patterns can be skipped on some texts.
    public var filteredPatternCount: Int { clausesByPattern.count }

    /// The literals present in a field's text, ready for `mayMatch`.
    public func presence(in text: UTF8Text) -> LiteralPresence {
        if RequiredLiterals.textNeedsFullSearch(text.bytes) { return .all(count: scanner.literals.count) }
        return scanner.presence(in: text.bytes)
    }

    /// False only when `pattern` certainly has no match in the text `presence` was taken from.
    public func mayMatch(_ pattern: PCRE2Regex, presence: LiteralPresence) -> Bool {
        guard let clauses = clausesByPattern[ObjectIdentifier(pattern)] else { return true }
        return clauses.allSatisfy { clause in clause.contains { presence.contains($0) } }
    }
}
