public import Foundation
import Yams

/// Reads `corpus/*.yaml` (format in corpus/README.md), checking keys and values like the rule loader.
public struct CorpusLoader: Sendable {
    static let caseKeys = ["id", "message_type", "subject", "body", "attachments", "expect", "note"]

    public init() {}

    public func load(directory: URL) throws(RuleLoadingError) -> [CorpusCase] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            throw RuleLoadingError(
                location: SourceLocation(file: directory.path, line: 0, column: 0), message: "no corpus files (*.yaml) in this folder")
        }
        var cases: [CorpusCase] = []
        var seen: [String: SourceLocation] = [:]
        for file in files {
            let url = directory.appendingPathComponent(file)
            guard let contents = try? String(contentsOf: url, encoding: .utf8) else {
                throw RuleLoadingError(
                    location: SourceLocation(file: url.path, line: 0, column: 0), message: "cannot read (UTF-8 text expected)")
            }
            for item in try parse(contents, file: url.path) {
                if let first = seen[item.id] {
                    throw RuleLoadingError(location: item.location, ruleID: item.id, message: "duplicate case id (first at \(first))")
                }
                seen[item.id] = item.location
                cases.append(item)
            }
        }
        return cases
    }

    public func parse(_ contents: String, file: String) throws(RuleLoadingError) -> [CorpusCase] {
        let document = try YAMLDocument(file: file, contents: contents)
        guard let root = document.root else { return [] }
        guard case let .sequence(items) = root else {
            throw RuleLoadingError(location: document.location(of: root), message: "a corpus file must be a list of cases")
        }
        return try items.map { node throws(RuleLoadingError) in
            let map = try YAMLMapping(node, in: document, what: "a corpus case", allowedKeys: Self.caseKeys, ruleID: node["id"]?.string)
            guard let id = try map.string("id", required: true) else { throw map.fail("id", "missing id") }
            var draft = Draft(subject: try map.string("subject", required: false) ?? "", body: try map.string("body", required: true) ?? "")
            if let name = try map.string("message_type", required: false) {
                guard let type = MessageType(name) else { throw map.fail("message_type", "unknown message type '\(name)'") }
                draft.messageType = type
            }
            if let attachments = map.node("attachments") {
                guard case let .sequence(list) = attachments else { throw map.fail("attachments", "'attachments' must be a list") }
                draft.attachments = try list.map { item throws(RuleLoadingError) in
                    let attachment = try YAMLMapping(item, in: document, what: "an attachment", allowedKeys: ["name", "bytes"], ruleID: id)
                    return Attachment(name: try attachment.string("name", required: true) ?? "", bytes: try attachment.int("bytes") ?? 0)
                }
            }
            guard map.node("expect") != nil else { throw map.fail(nil, "missing required key 'expect' ([] for a clean draft)") }
            let expected = try (map.strings("expect") ?? []).map { (name, item) throws(RuleLoadingError) in
                guard let category = Category(rawValue: name) else {
                    throw RuleLoadingError(location: document.location(of: item), ruleID: id, message: "unknown category '\(name)'")
                }
                return category
            }
            return CorpusCase(id: id, draft: draft, expected: Set(expected), location: document.location(of: node))
        }
    }
}
