/// A labelled draft of the corpus: the categories it must raise (none for a clean draft).
public struct CorpusCase: Sendable, Hashable {
    public var id: String
    public var draft: Draft
    public var expected: Set<Category>
    public var location: SourceLocation

    public init(id: String, draft: Draft, expected: Set<Category>, location: SourceLocation) {
        self.id = id
        self.draft = draft
        self.expected = expected
        self.location = location
    }
}
