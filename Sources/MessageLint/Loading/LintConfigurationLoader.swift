import Yams

/// Reads a seller's configuration file (rules/README.md, "Configuration"), with the same
/// `file:line:column` errors as the rule loader.
public struct LintConfigurationLoader: Sendable {
    static let keys = ["disable", "severity", "allowed_domains", "attachments"]
    static let attachmentKeys = ["max_count", "max_bytes", "allowed_extensions"]

    public init() {}

    public func parse(_ contents: String, file: String) throws(RuleLoadingError) -> LintConfiguration {
        let document = try YAMLDocument(file: file, contents: contents)
        guard let root = document.root else { return .none }
        let map = try YAMLMapping(root, in: document, what: "the configuration", allowedKeys: Self.keys)
        var configuration = LintConfiguration(
            disabledRules: Set((try map.strings("disable") ?? []).map(\.0)),
            allowedDomains: (try map.strings("allowed_domains") ?? []).map(\.0))
        if let severities = map.node("severity") {
            let severityMap = try YAMLMapping(severities, in: document, what: "severity", allowedKeys: [], allowingAnyKey: true)
            for (key, _, _) in severityMap.pairs {
                configuration.severities[key] = try severityMap.enumValue(key, as: Severity.self, what: "severity", required: true)
            }
        }
        if let attachments = map.node("attachments") {
            let attachmentMap = try YAMLMapping(attachments, in: document, what: "attachments", allowedKeys: Self.attachmentKeys)
            configuration.maxAttachmentCount = try attachmentMap.int("max_count")
            configuration.maxAttachmentBytes = try attachmentMap.int("max_bytes")
            configuration.allowedExtensions = try attachmentMap.strings("allowed_extensions").map {
                Set($0.map { $0.0.lowercased().trimmingPrefix(".") })
            }
        }
        return configuration
    }
}
