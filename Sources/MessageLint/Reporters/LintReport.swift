/// The versioned JSON document `parley lint --format json` prints (README, "JSON output").
/// Bump `version` on any breaking change of its shape.
public struct LintReport: Sendable, Hashable, Codable {
    public static let currentVersion = 1

    public var version: Int
    public var results: [LintResult]

    public init(results: [LintResult]) {
        self.version = Self.currentVersion
        self.results = results
    }

    /// Whether the findings should fail the run: any error, or with `strict` any warning.
    public func fails(strict: Bool) -> Bool {
        results.contains { $0.summary.errors > 0 || (strict && $0.summary.warnings > 0) }
    }
}

/// The findings for one input (a file, or `-` for standard input).
public struct LintResult: Sendable, Hashable, Codable {
    public var source: String
    public var findings: [Finding]
    public var summary: FindingSummary

    public init(source: String, findings: [Finding]) {
        self.source = source
        self.findings = findings
        self.summary = FindingSummary(findings)
    }
}

public struct FindingSummary: Sendable, Hashable, Codable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int

    public init(_ findings: [Finding]) {
        errors = findings.count { $0.severity == .error }
        warnings = findings.count { $0.severity == .warning }
        infos = findings.count { $0.severity == .info }
    }
}
