import Foundation

/// Amazon's `X-Space-Notification-Type` header (POLICY §4.2), which says what a notification is more
/// reliably than its sender or subject.
public enum AmazonNotificationType: Sendable, Hashable {
    /// `BBC_MESSAGE_SENT_TO_MERCHANT`: a buyer message.
    case buyerMessage
    /// `BBC_MESSAGE_CONFIRMATION_TO_MERCHANT`: Amazon's copy of a reply sent from Seller Central.
    case sellerReplyCopy
    /// `RETURN_REQUEST`
    case returnRequest
    /// `BRC_SELLER_NOTIFICATION`: a cancellation request.
    case cancellationRequest
    /// Any other value (`A_Z_CLAIM_RESPONDENT_CLOSE`, …): an Amazon notice.
    case other(String)

    public init?(headerValue: String?) {
        guard let value = headerValue?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased(), !value.isEmpty
        else { return nil }
        switch value {
        case "BBC_MESSAGE_SENT_TO_MERCHANT": self = .buyerMessage
        case "BBC_MESSAGE_CONFIRMATION_TO_MERCHANT": self = .sellerReplyCopy
        case "RETURN_REQUEST": self = .returnRequest
        case "BRC_SELLER_NOTIFICATION": self = .cancellationRequest
        default: self = .other(value)
        }
    }
}
