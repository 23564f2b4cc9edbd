/// Turns a lint report into text for people or programs. One type per format.
public protocol Reporter: Sendable {
    /// The whole output, ending with a newline when not empty.
    func render(_ report: LintReport, drafts: [String: Draft]) -> String
}

/// The output formats of `parley lint`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json

    public func reporter(useColor: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(useColor: useColor)
        case .json: JSONReporter()
        }
    }
}
