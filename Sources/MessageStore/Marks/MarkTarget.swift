/// What `parley mark` marks: one customer message, or every waiting customer message of a thread.
public enum MarkTarget: Sendable, Hashable {
    case message(Int64)
    case thread(Int64)
}
