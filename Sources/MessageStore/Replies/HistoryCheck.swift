import Foundation
import MessageLint

/// The reply checks that need the store's history, reported as findings like the rule pack's:
/// a second review or feedback request for the same order, and a proactive message more than 30
/// days after the order (POLICY.md §1.3).
struct HistoryCheck {
    static let repeatReviewRequestRule = "history.repeat-review-request"
    static let lateProactiveRule = "history.proactive-after-30-days"
    /// How long after the order a seller may start a conversation.
    static let proactiveWindow: TimeInterval = 30 * 86_400

    let detector = ReviewRequestDetector()

    /// - Parameters:
    ///   - priorSellerMessages: the seller's earlier messages in every thread of the order.
    ///   - orderStart: the order's first activity, the anchor of the 30-day window (the order and
    ///     delivery dates are not in the mail, so the first message stands in for them).
    func findings(draft: Draft, isProactive: Bool, priorSellerMessages: [Message], orderStart: Date, at: Date) -> [Finding] {
        var findings: [Finding] = []
        if let request = detector.firstRequest(in: draft.body),
            let earlier = priorSellerMessages.first(where: { detector.isRequest($0.body) })
        {
            findings.append(
                finding(
                    rule: Self.repeatReviewRequestRule, category: .reviewSolicitation,
                    message:
                        "This order already had a review or feedback request (M\(earlier.id ?? 0), \(Self.day(earlier.sentAt))); Amazon allows one per order.",
                    policy: "POLICY.md §1.3 at most one review or feedback request per order", in: draft.body, range: request,
                    suggestion: "Remove the request: the buyer was already asked once."))
        }
        if isProactive, at.timeIntervalSince(orderStart) > Self.proactiveWindow {
            let days = Int(at.timeIntervalSince(orderStart) / 86_400)
            findings.append(
                Finding(
                    rule: Self.lateProactiveRule, category: .messageType, severity: .error,
                    message:
                        "A seller-initiated message \(days) days after the order's first message (\(Self.day(orderStart))); proactive messages must be sent within 30 days.",
                    policy: "POLICY.md §1.3 send within 30 days of order completion", field: .body, line: 1, column: 1, offset: 0,
                    length: 0, match: "", suggestion: "Send only a reply to a buyer's message, or nothing."))
        }
        return findings
    }

    private func finding(
        rule: String, category: MessageLint.Category, message: String, policy: String, in text: String, range: Range<String.Index>,
        suggestion: String
    ) -> Finding {
        let before = text.unicodeScalars[..<range.lowerBound]
        let line = before.count(where: { $0 == "\n" }) + 1
        let lineStart = before.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.startIndex
        let column = text.unicodeScalars[lineStart..<range.lowerBound].count + 1
        return Finding(
            rule: rule, category: category, severity: .error, message: message, policy: policy, field: .body, line: line,
            column: column, offset: before.count, length: text.unicodeScalars[range].count, match: String(text[range]),
            suggestion: suggestion)
    }

    /// A UTC day, for messages.
    static func day(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC: the store's only calendar.
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }
}
