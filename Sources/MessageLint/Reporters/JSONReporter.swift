import Foundation

/// Prints the report as stable JSON: sorted keys, `suggestion` always present (null when none).
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: LintReport, drafts: [String: Draft]) -> String {
        Self.encode(report)
    }

    /// Encodes any report value the same way (sorted keys, pretty, no escaped slashes).
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Our report types encode only strings, numbers and arrays, which cannot fail to encode.
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
