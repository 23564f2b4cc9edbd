/// Literals one of which begins every match of a pattern, so that PCRE2 need only be tried where
/// one of them occurs instead of at every character of a text.
///
/// They are written in the scanner's alphabet (`LiteralSetScanner`): ASCII letters in lower case,
/// any white-space run as one space, 0x01 where the text has a word boundary, 0x02 for a non-ASCII
/// character. A literal *begins* where its first symbol other than a boundary begins in the text;
/// no start literal begins with white space, because a match may start anywhere inside a run the
/// scanner reads as one symbol. The set is a superset of what PCRE2 can match (case-sensitive
/// patterns are read with ASCII case folded, every non-ASCII character is the same symbol), never
/// a subset. A text holding KELVIN SIGN or LONG S must still be searched in full
/// (`RequiredLiterals.textNeedsFullSearch`), as for the required literals.
///
/// A pattern gets start literals only when trying those positions one by one, each an anchored
/// match on the whole text, finds exactly the matches PCRE2's own search finds: no `\K`, `\G`,
/// `\C`, backtracking verbs (`(*SKIP)`, `(*PRUNE)`, `(*COMMIT)`, `(*THEN)`, `(*MARK)`,
/// `(*ACCEPT)`), newline conventions, callouts or extended mode, and only compile options that
/// leave PCRE2 trying every position. `PCRE2Regex.startLiterals` also refuses a pattern PCRE2 says
/// can match the empty string.
public struct StartLiterals: Sendable, Hashable {
    /// Sorted, without repeats.
    public let literals: [String]

    public init(literals: [String]) { self.literals = literals }

    /// The start literals of `pattern` compiled with `options`, or nil when it has none that are
    /// safe to use (only the pattern's text is read here; see `PCRE2Regex.startLiterals`).
    public init?(pattern: String, options: CompileOptions) {
        guard let starts = PatternLiteralAnalyzer.reading(of: pattern, options: options).starts else { return nil }
        self = starts
    }
}
