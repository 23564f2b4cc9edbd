import Foundation

/// A thread's activity summary (first and last message, the oldest customer message still waiting)
/// built from its messages in memory, as an import adds them, instead of re-reading them from the
/// store at the end (`MessageThread.refreshActivity`, 17 % of a large import).
///
/// It must equal what `refreshActivity` computes from the same messages. That holds because of
/// one fact about the 24-hour clocks: a customer message is answered iff some response comes
/// strictly after it, so with every event counted the messages still waiting are exactly the
/// non-excluded customer messages sent at or after the thread's latest response. Events must be
/// recorded in order of time (ties in any order); the importer sorts a file's messages first.
struct ThreadActivity: Sendable, Hashable {
    private(set) var firstActivityAt: Date
    private(set) var lastActivityAt: Date
    /// The oldest customer message waiting for a response, when every event counts.
    private(set) var awaitingSince: Date?
    /// The latest non-excluded customer message, so a response at the same instant leaves it waiting.
    private var lastCustomerMessageAt: Date?

    init(first event: ClockEvent) {
        firstActivityAt = event.sentAt
        lastActivityAt = event.sentAt
        record(event)
    }

    /// Adds an event no earlier than every event recorded so far. A no-response-needed mark that
    /// came with the message always counts (`noResponseNeededAt` is nil for imported messages).
    mutating func record(_ event: ClockEvent) {
        firstActivityAt = min(firstActivityAt, event.sentAt)
        lastActivityAt = max(lastActivityAt, event.sentAt, event.noResponseNeededAt ?? event.sentAt)
        switch event.role {
        case .customerMessage where !event.isExcluded(asOf: .distantFuture):
            if awaitingSince == nil { awaitingSince = event.sentAt }
            lastCustomerMessageAt = event.sentAt
        case .response:
            // Answers every customer message before it, none at the same instant.
            awaitingSince = lastCustomerMessageAt == event.sentAt ? event.sentAt : nil
        case .customerMessage, .other:
            break
        }
    }
}
