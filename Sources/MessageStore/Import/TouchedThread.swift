import Foundation
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
    /// For a thread this file created: who wrote at its latest instant.
    var latest: LatestSenders?

    var isCreated: Bool { activity != nil }

    /// Another of the file's messages, stored in this thread (`storedInstant`: its instant read back
    /// from the stored text).
    mutating func add(_ message: ImportedMessage, event: ClockEvent, storedInstant: Date?) {
        thread.merge(message)
        activity?.record(event)
        latest?.record(storedInstant, message.direction)
    }
}

/// The latest instant of a thread this file created and the senders of its messages at that
/// instant. Messages arrive in order of time, so a copy of one already stored (same instant and
/// sender, `FileImporter.isKnownContent`) can only be among those: the store is asked only then,
/// without keeping every message's content in memory.
///
/// Instants are those read back from the stored text (equal texts, equal instants). A message
/// without one, or earlier than the latest instant (the importer's order rules that out), makes
/// every later message a possible copy.
struct LatestSenders {
    private var instant: Date?
    private var senders: UInt8

    init(_ instant: Date?, _ direction: Direction) {
        self.instant = instant
        senders = Self.bit(direction)
    }

    /// Whether the thread may hold a message at `instant` from `direction`.
    func mayHold(_ instant: Date?, _ direction: Direction) -> Bool {
        guard let latest = self.instant, let instant else { return true }
        return instant == latest && senders & Self.bit(direction) != 0
    }

    mutating func record(_ instant: Date?, _ direction: Direction) {
        guard let latest = self.instant, let instant else {
            self.instant = nil
            return
        }
        if instant > latest {
            self.instant = instant
            senders = Self.bit(direction)
        } else if instant == latest {
            senders |= Self.bit(direction)
        } else {
            self.instant = nil
        }
    }

    private static func bit(_ direction: Direction) -> UInt8 {
        switch direction {
        case .buyer: 1
        case .seller: 2
        case .amazon: 4
        }
    }
}
