import PCRE2
import Yams

/// Turns one rule mapping into a `Rule`, checking every key and compiling every pattern.
struct RuleParser {
    let document: YAMLDocument
    let vocabularies: [String: Vocabulary]
    let limits: MatchLimits
    let jit: Bool

    static let exampleKeys = ["subject", "body", "attachments", "message_type"]

    func rule(from node: Node) throws(RuleLoadingError) -> Rule {
        // Read the id first so every later error can name the rule.
        let id = (node["id"]?.string).flatMap { $0.isEmpty ? nil : $0 }
        let map = try YAMLMapping(node, in: document, what: "a rule", allowedKeys: RuleLoader.ruleKeys, ruleID: id)
        guard let id = try map.string("id", required: true), !id.isEmpty else { throw map.fail("id", "'id' must not be empty") }
        guard let category = try map.enumValue("category", as: Category.self, what: "category", required: true),
            let severity = try map.enumValue("severity", as: Severity.self, what: "severity", required: true),
            let message = try map.string("message", required: true),
            let policy = try map.string("policy", required: true)
        else { throw map.fail(nil, "incomplete rule") }
        guard id.hasPrefix(category.rawValue + "."), id.count > category.rawValue.count + 1,
            id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." })
        else {
            throw map.fail("id", "rule id '\(id)' must be '\(category.rawValue).<name>' in lower case")
        }
        let confidence = try map.enumValue("confidence", as: Confidence.self, what: "confidence label", required: false)
        let caseless = try map.bool("caseless") ?? true
        let check = try parseCheck(map)
        let options: CompileOptions = caseless ? [.utf, .ucp, .caseless] : [.utf, .ucp]
        let patterns = try (map.strings("patterns") ?? []).map { (source, node) throws(RuleLoadingError) in
            try compile(source, node: node, options: options, map: map)
        }
        if check.usesPatterns, patterns.isEmpty { throw map.fail(nil, "a \(check.name) rule needs 'patterns'") }
        if !check.usesPatterns, !patterns.isEmpty { throw map.fail("patterns", "a \(check.name) rule takes no 'patterns'") }
        let skips = try (map.strings("skip") ?? []).map { (source, node) throws(RuleLoadingError) in
            try compile(source, node: node, options: options, map: map)
        }
        if !skips.isEmpty, check != .pattern { throw map.fail("skip", "only a pattern rule takes 'skip'") }
        let exceptions = try (map.strings("exceptions") ?? []).map { (source, node) throws(RuleLoadingError) in
            try compile(source, node: node, options: options.union([.anchored, .endAnchored]), map: map)
        }
        let fields = try (map.strings("fields") ?? []).map { (name, node) throws(RuleLoadingError) in
            guard let field = Field(rawValue: name) else {
                throw RuleLoadingError(
                    location: document.location(of: node), ruleID: id,
                    message: "unknown field '\(name)' (expected body, subject or attachment-name)")
            }
            return field
        }
        let messageTypes = try messageTypeList("message_types", map: map, id: id)
        let exceptMessageTypes = try messageTypeList("except_message_types", map: map, id: id)
        var rule = Rule(
            id: id, category: category, severity: severity, confidence: confidence, message: message, policy: policy,
            check: check, patterns: patterns, exceptions: exceptions, fields: fields.isEmpty ? [.body, .subject] : fields,
            messageTypes: messageTypes, suggestion: try map.string("suggestion", required: false),
            location: document.location(of: node))
        rule.exceptMessageTypes = exceptMessageTypes
        rule.skips = skips
        rule.examples = try parseExamples(map, rule: rule)
        return rule
    }

    private func messageTypeList(_ key: String, map: YAMLMapping, id: String) throws(RuleLoadingError) -> [MessageType] {
        try (map.strings(key) ?? []).map { (name, node) throws(RuleLoadingError) in
            guard let type = MessageType(name) else {
                throw RuleLoadingError(
                    location: document.location(of: node), ruleID: id,
                    message: "unknown message type '\(name)' (expected \(MessageType.all.map(\.name).joined(separator: ", ")))")
            }
            return type
        }
    }

    private func compile(_ source: String, node: Node, options: CompileOptions, map: YAMLMapping) throws(RuleLoadingError) -> PCRE2Regex {
        let expanded = try expandVocabularies(in: source, node: node, map: map)
        do {
            return try PCRE2Regex(expanded, options: options, jit: jit)
        } catch {
            let detail: String
            if case let .compile(message, offset) = error {
                detail = expanded == source ? "\(message) at offset \(offset)" : "\(message) (after expanding vocabularies)"
            } else {
                detail = "\(error)"
            }
            throw RuleLoadingError(
                location: document.location(of: node), ruleID: map.ruleID, message: "invalid pattern '\(source)': \(detail)")
        }
    }

    private func expandVocabularies(in source: String, node: Node, map: YAMLMapping) throws(RuleLoadingError) -> String {
        // Scans UTF-8 bytes for `{{name}}`: Foundation's range(of:) dominated loading on Linux.
        let bytes = Array(source.utf8)
        guard bytes.count > 3, bytes.contains(UInt8(ascii: "{")) else { return source }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while index < bytes.count {
            if bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open,
                let end = (index + 2..<bytes.count - 1).first(where: { bytes[$0] == close && bytes[$0 + 1] == close })
            {
                let name = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                guard let vocabulary = vocabularies[name] else {
                    throw RuleLoadingError(
                        location: document.location(of: node), ruleID: map.ruleID,
                        message: "unknown vocabulary '{{\(name)}}' (expected a file rules/vocabularies/\(name).txt)")
                }
                result += vocabulary.pattern.utf8
                index = end + 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func parseCheck(_ map: YAMLMapping) throws(RuleLoadingError) -> RuleCheck {
        let name = try map.string("check", required: false) ?? "pattern"
        let optionKeys: [String]
        switch name {
        case "pattern", "required-pattern": optionKeys = []
        case "attachment-count": optionKeys = ["max", "min"]
        case "attachment-size": optionKeys = ["max_bytes"]
        case "attachment-type": optionKeys = ["allowed_extensions"]
        case "length": optionKeys = ["limits"]
        default:
            throw map.fail(
                "check",
                "unknown check '\(name)' (expected pattern, required-pattern, attachment-count, attachment-size, attachment-type or length)"
            )
        }
        let options = try map.node("options").map { node throws(RuleLoadingError) in
            try YAMLMapping(node, in: document, what: "options of a \(name) check", allowedKeys: optionKeys, ruleID: map.ruleID)
        }
        switch name {
        case "required-pattern": return .requiredPattern
        case "attachment-count": return .attachmentCount(max: try options?.int("max") ?? 5, min: try options?.int("min") ?? 0)
        case "attachment-size": return .attachmentSize(maxBytes: try options?.int("max_bytes") ?? 10 * 1024 * 1024)
        case "attachment-type":
            guard let allowed = try options?.strings("allowed_extensions") else {
                throw map.fail("options", "an attachment-type check needs options.allowed_extensions")
            }
            return .attachmentType(allowedExtensions: Set(allowed.map { $0.0.lowercased().trimmingPrefix(".") }))
        case "length":
            guard let limitsNode = options?.node("limits"), let options else {
                throw map.fail("options", "a length check needs options.limits (message type: characters)")
            }
            let typeNames = MessageType.all.map(\.name)
            let limits = try YAMLMapping(limitsNode, in: document, what: "length limits", allowedKeys: typeNames, ruleID: map.ruleID)
            var result: [String: Int] = [:]
            for (key, _, _) in limits.pairs { result[key] = try limits.int(key) }
            _ = options
            return .length(limits: result)
        default: return .pattern
        }
    }

    private func parseExamples(_ map: YAMLMapping, rule: Rule) throws(RuleLoadingError) -> [RuleExample] {
        guard let node = map.node("examples") else {
            throw map.fail(nil, "missing required key 'examples' (a rule without examples does not load)")
        }
        let examples = try YAMLMapping(node, in: document, what: "examples", allowedKeys: ["flag", "pass"], ruleID: rule.id)
        var result: [RuleExample] = []
        for (key, mustFlag) in [("flag", true), ("pass", false)] {
            guard case let .sequence(items)? = examples.node(key) else {
                throw examples.fail(examples.node(key) == nil ? nil : key, "examples need a list '\(key)' with at least 2 texts")
            }
            guard items.count >= 2 else { throw examples.fail(key, "examples.\(key) needs at least 2 texts, has \(items.count)") }
            for item in items { result.append(try example(item, mustFlag: mustFlag, rule: rule)) }
        }
        return result
    }

    private func example(_ node: Node, mustFlag: Bool, rule: Rule) throws(RuleLoadingError) -> RuleExample {
        let location = document.location(of: node)
        let defaultType = rule.messageTypes.first ?? .reply
        var draft: Draft
        switch node {
        case let .scalar(scalar):
            draft = Draft(body: scalar.string, messageType: defaultType)
        case .mapping:
            let map = try YAMLMapping(node, in: document, what: "an example", allowedKeys: Self.exampleKeys, ruleID: rule.id)
            draft = Draft(
                subject: try map.string("subject", required: false) ?? "", body: try map.string("body", required: false) ?? "",
                messageType: defaultType)
            if let typeName = try map.string("message_type", required: false) {
                guard let type = MessageType(typeName) else { throw map.fail("message_type", "unknown message type '\(typeName)'") }
                draft.messageType = type
            }
            if let attachments = map.node("attachments") {
                guard case let .sequence(items) = attachments else { throw map.fail("attachments", "'attachments' must be a list") }
                draft.attachments = try items.map { item throws(RuleLoadingError) in
                    let attachment = try YAMLMapping(
                        item, in: document, what: "an attachment", allowedKeys: ["name", "bytes"], ruleID: rule.id)
                    return Attachment(name: try attachment.string("name", required: true) ?? "", bytes: try attachment.int("bytes") ?? 0)
                }
            }
        default:
            throw RuleLoadingError(location: location, ruleID: rule.id, message: "an example must be a text or a mapping")
        }
        let (body, offsets) = RuleExample.parseMarkers(draft.body)
        draft.body = body
        if !mustFlag, !offsets.isEmpty {
            throw RuleLoadingError(location: location, ruleID: rule.id, message: "a pass example cannot carry ↓ markers")
        }
        return RuleExample(ruleID: rule.id, draft: draft, mustFlag: mustFlag, markerOffsets: offsets, location: location)
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
