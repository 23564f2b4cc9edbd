import Foundation
import MessageLint

/// Paths of the checkout's data folders and of ../shared, found from this file so tests run from any
/// working directory and read rule edits without a rebuild.
public enum Fixtures {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let rules = packageRoot.appendingPathComponent("rules")
    public static let corpus = packageRoot.appendingPathComponent("corpus")
    public static let templates = packageRoot.appendingPathComponent("templates")
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The shipped rules, parsed without running their examples (the example test runs them).
    public static func shippedRules() throws -> [Rule] {
        try RuleLoader(verifyExamples: false).load(directory: rules)
    }

    public static func shippedLinter() throws -> Linter {
        try Linter(rules: shippedRules())
    }

    /// A scratch folder removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
