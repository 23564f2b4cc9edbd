/// What one pass of a `LiteralSetScanner` over a text found.
public struct LiteralScan: Sendable {
    /// Which literals occur.
    public var presence: LiteralPresence
    /// Where each occurrence of a located literal begins, in the order the scan met their ends;
    /// nil when the text was too long to place them (see `LiteralSetScanner.scan`).
    public var starts: [LiteralStart]?

    public init(presence: LiteralPresence, starts: [LiteralStart]?) {
        self.presence = presence
        self.starts = starts
    }
}

/// One occurrence of a located literal: its id in the scanner and the UTF-8 byte offset in the
/// text at which it begins.
public struct LiteralStart: Sendable, Hashable {
    public var literal: Int
    public var offset: Int

    public init(literal: Int, offset: Int) {
        self.literal = literal
        self.offset = offset
    }
}
