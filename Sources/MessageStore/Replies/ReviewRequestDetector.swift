/// Recognises a request for a product review or seller feedback, however neutral ("please leave us
/// a review", "your feedback would be appreciated"). The rule pack flags the forbidden kinds
/// (incentives, "5 stars"); this detector only says whether a message asks at all, because a
/// seller may ask once per order (POLICY.md §1.3).
public struct ReviewRequestDetector: Sendable {
    public init() {}

    /// The first request in `text`, if any.
    public func firstRequest(in text: String) -> Range<String.Index>? {
        Self.patterns.compactMap { (try? $0.firstMatch(in: text))?.range }.min { $0.lowerBound < $1.lowerBound }
    }

    public func isRequest(_ text: String) -> Bool { firstRequest(in: text) != nil }

    // Literal regexes are checked by the compiler, so `try?` above can only meet a runtime
    // cancellation, never a bad pattern.
    nonisolated(unsafe) static let patterns: [Regex<Substring>] = [
        #/(?i)\b(?:leav(?:e|ing)|writ(?:e|ing)|post(?:ing)?|submit(?:ting)?|left)\b[^.!?\n]{0,50}?\b(?:reviews?|feedback|ratings?)\b/#,
        #/(?i)\b(?:share|give|provide)\b[^.!?\n]{0,20}?\b(?:your|some|us)\s+(?:honest\s+|quick\s+)?(?:reviews?|feedback|ratings?|opinion|thoughts)\b/#,
        #/(?i)\b(?:reviews?|feedback|ratings?)\b[^.!?\n]{0,40}?\b(?:would be (?:greatly |much |really |very )?appreciated|means? a lot|helps? (?:us|other|small))/#,
        #/(?i)\b(?:rate|review) (?:us|your (?:purchase|order|experience|item|product))\b/#,
    ]
}
