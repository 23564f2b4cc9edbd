/// Literal strings a pattern cannot match without, so a text lacking them need not be searched.
///
/// The literals form clauses that must all hold: a clause holds when at least one of its strings
/// occurs in the text. Strings are lower-case ASCII and are looked for in the text with ASCII case
/// folded (see `LiteralSetScanner`), which is sound for caseless and case-sensitive patterns alike.
/// No clauses means the pattern must always be run.
///
/// The analysis is conservative: whatever it does not understand (classes, backreferences,
/// subroutine calls, conditionals, non-ASCII characters) requires nothing, and a pattern it cannot
/// read safely at all (`(*ACCEPT)`, extended mode, callouts) gets no clauses.
public struct RequiredLiterals: Sendable, Hashable {
    /// Each clause sorted, clauses sorted: equal patterns give equal values.
    public let clauses: [[String]]

    public static let none = RequiredLiterals(clauses: [])

    public init(clauses: [[String]]) { self.clauses = clauses }

    /// The literals `pattern`, compiled with `options`, needs in any text it matches.
    public init(pattern: String, options: CompileOptions) {
        self = PatternLiteralAnalyzer.requiredLiterals(of: pattern, options: options)
    }

    /// Every distinct string of every clause.
    public var literals: Set<String> { Set(clauses.joined()) }

    /// Whether the text can defeat ASCII case folding: PCRE2's caseless matching pairs
    /// `k` with KELVIN SIGN (U+212A) and `s` with LATIN SMALL LETTER LONG S (U+017F), which an
    /// ASCII fold cannot see. A text containing either must be searched regardless of its literals.
    public static func textNeedsFullSearch(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0xC5, index + 1 < count, bytes[index + 1] == 0xBF { return true }
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA { return true }
            index += 1
        }
        return false
    }
}
