import PCRE2

/// Prints findings like a compiler: `draft.txt:3:14: error: message [rule]`, the line, a caret under
/// the span, and the suggestion. Findings outside the body name their field:
/// `draft.txt[subject]:1:5: …`.
public struct TextReporter: Reporter {
    public var useColor: Bool

    public init(useColor: Bool) { self.useColor = useColor }

    public func render(_ report: LintReport, drafts: [String: Draft]) -> String {
        var out = ""
        for result in report.results {
            let draft = drafts[result.source]
            for finding in result.findings {
                out += render(finding, source: result.source, draft: draft)
            }
            out += summaryLine(result)
        }
        return out
    }

    func render(_ finding: Finding, source: String, draft: Draft?) -> String {
        let place = finding.field == .body ? source : "\(source)[\(finding.field.rawValue)]"
        var out = "\(place):\(finding.line):\(finding.column): "
        out += style(finding.severity.rawValue + ":", finding.severity == .error ? .red : finding.severity == .warning ? .yellow : .cyan)
        out += " \(finding.message) " + style("[\(finding.rule)]", .dim) + "\n"
        if let draft {
            let text = UTF8Text(draft.text(of: finding.field))
            let line = text.line(finding.line)
            if !line.isEmpty {
                out += "    \(line)\n"
                let scalars = Array(line.unicodeScalars)
                let start = min(finding.column - 1, scalars.count)
                // Tabs are kept so the caret lines up under tab-indented text.
                let indent = String(String.UnicodeScalarView(scalars[0..<start].map { $0 == "\t" ? "\t" : " " }))
                let width = max(1, min(finding.length, scalars.count - start))
                out += "    " + indent + style("^" + String(repeating: "~", count: width - 1), .green) + "\n"
            }
        }
        if let suggestion = finding.suggestion { out += "    suggestion: \(suggestion)\n" }
        return out
    }

    private func summaryLine(_ result: LintResult) -> String {
        let s = result.summary
        guard s.errors + s.warnings + s.infos > 0 else { return "\(result.source): no findings\n" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(result.source): \(count(s.errors, "error")), \(count(s.warnings, "warning")), \(count(s.infos, "info"))\n"
    }

    enum Color: String {
        case red = "1;31", yellow = "1;33", cyan = "1;36", green = "32", dim = "2"
    }

    private func style(_ text: String, _ color: Color) -> String {
        useColor ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
