/// Whether the linter tries a pattern only where one of its start literals begins
/// (`PatternPrefilter.candidates`, `PCRE2Regex.matches(in:startingAt:)`) instead of letting PCRE2
/// try every character. Findings are the same either way; only the time differs.
public enum StartAnchoring: Sendable, Hashable {
    /// Every pattern is searched in full (for comparison).
    case never
    /// Only while the candidates are few: a call into PCRE2 per candidate costs more than PCRE2's
    /// own step to its next position, so a pattern whose start literals are everywhere in a text
    /// is searched in full there.
    case whenSparse
    /// At the candidates however many there are (for tests: the most anchored matching).
    case always

    /// Texts with more candidates than one per this many bytes are searched in full (`whenSparse`).
    public static let bytesPerCandidate = 16
    /// The same for a pattern whose first code unit PCRE2 knows: its search then skips from one
    /// occurrence of that unit to the next as fast as `memchr`, so anchoring must cut far more.
    public static let bytesPerCandidateAfterKnownFirstUnit = 256

    /// The most candidates worth trying one by one in a text of `byteCount` bytes; nil for none.
    public func candidateLimit(forBytes byteCount: Int, firstCodeUnitIsKnown: Bool = false) -> Int? {
        switch self {
        case .never: nil
        case .whenSparse:
            byteCount / (firstCodeUnitIsKnown ? Self.bytesPerCandidateAfterKnownFirstUnit : Self.bytesPerCandidate)
        case .always: .max
        }
    }
}
