/// How well a rule is sourced, with POLICY.md's labels: Amazon text, Amazon text quoted by a third
/// party, third-party practice, or Parley's own design decision.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    case amazon = "A"
    case amazonQuoted = "AQ"
    case thirdParty = "TP"
    case parley = "Parley"
}
