/// A draft a rule's own file says it must flag or must pass (SwiftLint's triggering and
/// non-triggering examples). One test runs every example of every rule.
public struct RuleExample: Sendable, CustomStringConvertible {
    public var ruleID: String
    public var draft: Draft
    public var mustFlag: Bool
    /// Code-point offsets in the body marked with `↓`; empty when the example has no markers.
    public var markerOffsets: [Int]
    public var location: SourceLocation

    public init(ruleID: String, draft: Draft, mustFlag: Bool, markerOffsets: [Int] = [], location: SourceLocation) {
        self.ruleID = ruleID
        self.draft = draft
        self.mustFlag = mustFlag
        self.markerOffsets = markerOffsets
        self.location = location
    }

    public var description: String { "\(location) \(ruleID) \(mustFlag ? "flag" : "pass")" }

    /// Removes `↓` markers, returning the clean text and the code-point offsets where they stood.
    public static func parseMarkers(_ text: String) -> (text: String, offsets: [Int]) {
        // Most examples carry no marker: "↓" is E2 86 93 in UTF-8.
        guard text.utf8.contains(0x93), text.unicodeScalars.contains("↓") else { return (text, []) }
        var clean = String.UnicodeScalarView()
        var offsets: [Int] = []
        for scalar in text.unicodeScalars {
            if scalar == "↓" { offsets.append(clean.count) } else { clean.append(scalar) }
        }
        return (String(clean), offsets)
    }
}
