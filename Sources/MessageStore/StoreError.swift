/// What the store refuses to do, naming the record or file involved. The CLI reports these as
/// input errors (exit 2).
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case noSuchThread(Int64)
    case noSuchMessage(Int64)
    /// `mark` on a seller reply or an Amazon notice: only customer messages have a clock.
    case notACustomerMessage(Int64)
    case noOpenReturnRequest(orderID: String)
    /// A forced reply needs a reason for the audit log.
    case emptyForceReason
    /// An `.eml` reply needs the buyer's relay address, and the thread has none.
    case noReplyAddress(thread: Int64)
    /// The store holds something its own code never writes (a bug or a hand edit).
    case internalInconsistency(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open the store: \(reason)"
        case let .noSuchThread(id): "no thread T\(id) in the store"
        case let .noSuchMessage(id): "no message M\(id) in the store"
        case let .notACustomerMessage(id): "M\(id) is not a customer message (only a buyer's own messages have a 24-hour clock)"
        case let .noOpenReturnRequest(orderID): "no open return request for order \(orderID)"
        case .emptyForceReason: "a forced reply needs a reason for the audit log"
        case let .noReplyAddress(thread): "thread T\(thread) has no buyer relay address to write to"
        case let .internalInconsistency(detail): "the store is inconsistent: \(detail)"
        }
    }
}
