public import PCRE2

/// Skips a pattern when a text lacks the literals every match of it needs, and says where a
/// pattern's matches can begin.
///
/// Built once per linter from the required literals of all its patterns (`RequiredLiterals`,
/// derived from the patterns themselves, never written by hand); each field of a draft is then
/// scanned once for all of them. A pattern whose clauses do not all hold cannot match, so running
/// PCRE2 on it would find nothing: findings are the same with and without the prefilter. The same
/// pass records where the patterns' start literals (`StartLiterals`) begin, so that a pattern
/// can be tried only there (`PCRE2Regex.matches(in:startingAt:)`).
public struct PatternPrefilter: Sendable {
    private let scanner: LiteralSetScanner
    /// Clauses of literal ids, by pattern; patterns with no clauses are absent and always run.
    private let clausesByPattern: [ObjectIdentifier: [[Int]]]
    /// The ids of each pattern's start literals, as a set over all ids; patterns without start
    /// literals are absent.
    private let startsByPattern: [ObjectIdentifier: LiteralPresence]
    /// Keeps the patterns alive, so that no other pattern can take over an identifier above.
    private let patterns: [PCRE2Regex]

    public init(patterns: [PCRE2Regex]) {
        self.patterns = patterns
        var ids: [String: Int] = [:]
        func id(of literal: String) -> Int {
            if let id = ids[literal] { return id }
            ids[literal] = ids.count
            return ids.count - 1
        }
        var clausesByPattern: [ObjectIdentifier: [[Int]]] = [:]
        var startIDsByPattern: [ObjectIdentifier: [Int]] = [:]
        for pattern in patterns where clausesByPattern[ObjectIdentifier(pattern)] == nil {
            let required = pattern.requiredLiterals
            if !required.clauses.isEmpty {
                clausesByPattern[ObjectIdentifier(pattern)] = required.clauses.map { $0.map(id(of:)) }
            }
            // A start literal of one symbol ("h", "1") picks no fewer positions than PCRE2's own
            // first-character skip, and places many: such patterns are searched in full.
            if let starts = pattern.startLiterals, starts.literals.allSatisfy({ $0.utf8.count > 1 }) {
                startIDsByPattern[ObjectIdentifier(pattern)] = starts.literals.map(id(of:))
            }
        }
        var literals = [String](repeating: "", count: ids.count)
        for (literal, id) in ids { literals[id] = literal }
        self.scanner = LiteralSetScanner(literals: literals, locating: Set(startIDsByPattern.values.joined()))
        self.clausesByPattern = clausesByPattern
        self.startsByPattern = startIDsByPattern.mapValues { startIDs in
            var set = LiteralPresence(count: literals.count)
            for id in startIDs { set.insert(id) }
            return set
        }
    }

    /// The prefilter for every pattern and skip pattern of `rules`.
    public init(rules: [Rule]) {
        self.init(patterns: rules.flatMap { $0.patterns + $0.skips })
    }

    /// How many patterns can be skipped on some texts.
    public var filteredPatternCount: Int { clausesByPattern.count }

    /// The scanner every field is read with.
    public var literalScanner: LiteralSetScanner { scanner }

    /// How many patterns can be tried at their start literals only.
    public var anchoredPatternCount: Int { startsByPattern.count }

    /// The literals present in a field's text, ready for `mayMatch`.
    public func presence(in text: UTF8Text) -> LiteralPresence { scan(text).presence }

    /// One pass over a field's text: the literals present, and where start literals begin. A text
    /// that must be searched in full (`RequiredLiterals.textNeedsFullSearch`) holds every literal
    /// and places none.
    public func scan(_ text: UTF8Text) -> FieldScan {
        if RequiredLiterals.textNeedsFullSearch(text.bytes) {
            return FieldScan(presence: .all(count: scanner.literals.count), starts: nil)
        }
        let scan = scanner.scan(text.bytes)
        return FieldScan(presence: scan.presence, starts: scan.starts)
    }

    /// False only when `pattern` certainly has no match in the text `presence` was taken from.
    public func mayMatch(_ pattern: PCRE2Regex, presence: LiteralPresence) -> Bool {
        guard let clauses = clausesByPattern[ObjectIdentifier(pattern)] else { return true }
        return clauses.allSatisfy { clause in clause.contains { presence.contains($0) } }
    }

    /// The offsets, ascending, at which a match of `pattern` can begin in the scanned text: where
    /// one of its start literals begins. Nil when the pattern must be tried everywhere: it has no
    /// start literals, the text had to be searched in full, or there are more than `limit`.
    public func candidates(for pattern: PCRE2Regex, in scan: FieldScan, limit: Int = .max) -> [Int]? {
        guard let literals = startsByPattern[ObjectIdentifier(pattern)], let starts = scan.starts else { return nil }
        // Literals sharing a start (`\bgift` and `\bgifts`) report it twice, so only well past
        // the limit is it clear, before removing repeats, that there are too many.
        let cap = limit >= Int.max / 2 ? Int.max : 2 * limit
        var offsets: [Int] = []
        for start in starts where literals.contains(start.literal) {
            offsets.append(start.offset)
            if offsets.count > cap { return nil }
        }
        offsets.sort()
        var unique: [Int] = []
        unique.reserveCapacity(offsets.count)
        for offset in offsets where offset != unique.last { unique.append(offset) }
        return unique.count > limit ? nil : unique
    }
}
