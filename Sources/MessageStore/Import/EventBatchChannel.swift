import Dispatch
import MailImport
import Synchronization

/// Hands batches of reader events from the reading thread to the store's writer, at most
/// `capacity` batches ahead, so parsing overlaps writing without holding the whole file.
///
/// A class because both threads share one instance; its state is behind a `Mutex` and the two
/// semaphores count free slots and ready batches.
final class EventBatchChannel: Sendable {
    private struct State {
        var batches: [[ImportEvent]] = []
        /// Set by the reader when it is done; nil error means the whole file was read.
        var finished: (any Error)?? = nil
        /// Set by the writer when it stops early: the reader stops at its next batch.
        var cancelled = false
        /// Batches the writer has taken. It holds only the last one; it let go of the others.
        var received = 0
    }

    private let state = Mutex(State())
    private let free: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Waits for a free slot. Returns false when the writer has stopped reading.
    func send(_ batch: [ImportEvent]) -> Bool {
        free.wait()
        let accepted = state.withLock { state in
            guard !state.cancelled else { return false }
            state.batches.append(batch)
            return true
        }
        if accepted { ready.signal() }
        return accepted
    }

    /// The reader's last word: nil when the whole file was read, else why it stopped.
    func finish(_ error: (any Error)?) {
        state.withLock { $0.finished = .some(error) }
        ready.signal()
    }

    /// The next batch, or nil at the end, after which `readError` says how the reading ended.
    func receive() -> [ImportEvent]? {
        while true {
            ready.wait()
            let next: [ImportEvent]? = state.withLock { state in
                guard !state.batches.isEmpty else { return nil }
                state.received += 1
                return state.batches.removeFirst()
            }
            if let next {
                free.signal()
                return next
            }
            if state.withLock({ $0.finished != nil }) { return nil }
        }
    }

    var readError: (any Error)? { state.withLock { $0.finished ?? nil } }

    /// How many of the batches sent so far the writer is done with: all it took but the last.
    /// The writer asks for the next batch only after letting go of the previous one.
    var batchesDone: Int { state.withLock { max($0.received - 1, 0) } }

    /// Stops the reader: its pending and next `send` return false.
    func cancel() {
        state.withLock { $0.cancelled = true }
        free.signal()
    }
}
