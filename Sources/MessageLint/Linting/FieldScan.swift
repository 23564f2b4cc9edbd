public import PCRE2

/// What the prefilter learnt from one pass over a field's text.
public struct FieldScan: Sendable {
    /// The literals present.
    public var presence: LiteralPresence
    /// Where start literals begin; nil when the text must be searched in full.
    public var starts: [LiteralStart]?
}
