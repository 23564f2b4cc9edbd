import MailImport

/// A thread one file's import added messages to, as ``FileImporter`` keeps it until `finish()`
/// writes it.
struct TouchedThread {
    /// The thread's fields merged with the file's messages so far (``MessageThread/merge(_:)``);
    /// `id` is set.
    var thread: MessageThread
    /// For a thread this file created: its activity, from memory, since all its messages are in the
    /// file. nil for a thread stored before the file, whose activity `finish()` recomputes.
    var activity: ThreadActivity?
    /// For a thread this file created: the order id it was created with, which is what its row holds
    /// until `finish()` when the row is written before then (a later message may add one).
    var createdOrderID: String?

    var isCreated: Bool { activity != nil }

    /// Another of the file's messages, stored in this thread.
    mutating func add(_ message: ImportedMessage, event: ClockEvent) {
        thread.merge(message)
        activity?.record(event)
    }
}
