import Foundation

/// The walk behind ``ResponseClock/clocks(of:asOf:)``: instants are fed from the latest back, and
/// the first response strictly after a customer message is the earliest response already met in its
/// thread at a later instant.
///
/// Fed one instant at a time, so metrics can stream a 90-day window from the store newest first
/// instead of holding every event and sorting a copy (750,000 events: ~100 MB of arrays and the
/// page faults to fill them).
struct ResponseClockWalk {
    let asOf: Date
    /// The earliest response met so far per thread, that is, at a later instant than the current
    /// one; indexed by thread id when the ids are known to be small (``init(asOf:threadIDs:)``).
    private var laterResponseByIndex: [(at: Date, id: Int64)?]
    private var laterResponse: [Int64: (at: Date, id: Int64)] = [:]

    /// `threadIDs`: the range every thread id fed to this walk falls in, when known. The store's
    /// ids are dense from 1, and an array indexed by them answers the walk's one look-up per event
    /// without hashing (a dictionary was a tenth of a 90-day metrics call). Any id outside the range
    /// goes to the dictionary, so a wrong range costs speed, not correctness.
    init(asOf: Date, threadIDs: ClosedRange<Int64>? = nil) {
        self.asOf = asOf
        if let threadIDs, threadIDs.lowerBound >= 0, threadIDs.upperBound < Self.maximumIndexedThreadID {
            laterResponseByIndex = Array(repeating: nil, count: Int(threadIDs.upperBound) + 1)
        } else {
            laterResponseByIndex = []
        }
    }

    /// Above this, thread ids are looked up by hashing: an array as long as the largest id would cost
    /// more memory than it saves time.
    static let maximumIndexedThreadID: Int64 = 1 << 24

    /// Emits the clocks of the customer messages at one instant, ids descending, then lets this
    /// instant's responses answer the earlier ones.
    ///
    /// `instant`: every event at that instant that counts (sent at or before `asOf`, role not
    /// `.other`), ids descending; instants must come strictly newest first.
    mutating func step(instant: some Collection<ClockEvent>, _ emit: (MessageClock) -> Void) {
        // A response at the same instant does not answer these messages, so they go first.
        for message in instant where message.role == .customerMessage {
            let response = laterResponse(in: message.threadID)
            emit(
                MessageClock(
                    messageID: message.messageID, threadID: message.threadID, receivedAt: message.sentAt,
                    status: ResponseClock.status(of: message, respondedAt: response?.at, asOf: asOf), respondedAt: response?.at,
                    responseMessageID: response?.id))
        }
        // Ids descending, so the lowest id at the instant is the one kept.
        for response in instant where response.role == .response {
            if response.threadID >= 0, response.threadID < laterResponseByIndex.count {
                laterResponseByIndex[Int(response.threadID)] = (response.sentAt, response.messageID)
            } else {
                laterResponse[response.threadID] = (response.sentAt, response.messageID)
            }
        }
    }

    private func laterResponse(in thread: Int64) -> (at: Date, id: Int64)? {
        thread >= 0 && thread < laterResponseByIndex.count ? laterResponseByIndex[Int(thread)] : laterResponse[thread]
    }
}
