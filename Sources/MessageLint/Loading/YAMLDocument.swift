import Yams

/// A parsed YAML file whose nodes keep their place, so every loading error can say `file:line:column`.
/// Codable would drop both the positions and unknown keys; reading nodes keeps them.
struct YAMLDocument {
    let file: String
    let root: Node?

    init(file: String, contents: String) throws(RuleLoadingError) {
        self.file = file
        do {
            // The basic resolver tags every scalar as a string; the default one runs a regular expression
            // per scalar to guess its type, which dominated rule loading. Values are read as the type
            // each key needs (`node.int`, `node.bool`), so nothing is lost.
            self.root = try Yams.compose(yaml: contents, .basic)
        } catch let error as YamlError {
            throw RuleLoadingError(location: Self.location(of: error, file: file), message: "malformed YAML: \(Self.problem(of: error))")
        } catch {
            throw RuleLoadingError(location: SourceLocation(file: file, line: 1, column: 1), message: "malformed YAML: \(error)")
        }
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            SourceLocation(file: file, line: 1, column: 1)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case let .reader(problem, _, _, _): problem
        default: "\(error)"
        }
    }
}

/// Reads one YAML mapping, checking its keys against the ones allowed.
struct YAMLMapping {
    let document: YAMLDocument
    let node: Node
    let pairs: [(key: String, value: Node, keyNode: Node)]
    let ruleID: String?

    init(
        _ node: Node, in document: YAMLDocument, what: String, allowedKeys: [String], ruleID: String? = nil,
        allowingAnyKey: Bool = false
    ) throws(RuleLoadingError) {
        self.document = document
        self.node = node
        self.ruleID = ruleID
        guard case let .mapping(mapping) = node else {
            throw RuleLoadingError(location: document.location(of: node), ruleID: ruleID, message: "\(what) must be a mapping")
        }
        var pairs: [(key: String, value: Node, keyNode: Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw RuleLoadingError(location: document.location(of: key), ruleID: ruleID, message: "keys must be strings")
            }
            guard allowingAnyKey || allowedKeys.contains(name) else {
                throw RuleLoadingError(
                    location: document.location(of: key), ruleID: ruleID,
                    message: "unknown key '\(name)' in \(what) (expected one of \(allowedKeys.joined(separator: ", ")))")
            }
            if pairs.contains(where: { $0.key == name }) {
                throw RuleLoadingError(location: document.location(of: key), ruleID: ruleID, message: "duplicate key '\(name)'")
            }
            pairs.append((name, value, key))
        }
        self.pairs = pairs
    }

    func node(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func location(_ key: String) -> SourceLocation { document.location(of: node(key) ?? node) }

    func fail(_ key: String?, _ message: String) -> RuleLoadingError {
        RuleLoadingError(location: key.map(location) ?? document.location(of: node), ruleID: ruleID, message: message)
    }

    func string(_ key: String, required: Bool) throws(RuleLoadingError) -> String? {
        guard let value = node(key) else {
            if required { throw fail(nil, "missing required key '\(key)'") }
            return nil
        }
        guard case let .scalar(scalar) = value else {
            throw fail(key, "'\(key)' must be a string")
        }
        return scalar.string
    }

    func bool(_ key: String) throws(RuleLoadingError) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let bool = value.bool else { throw fail(key, "'\(key)' must be true or false") }
        return bool
    }

    func int(_ key: String) throws(RuleLoadingError) -> Int? {
        guard let value = node(key) else { return nil }
        guard let int = value.int, int >= 0 else { throw fail(key, "'\(key)' must be a whole number ≥ 0") }
        return int
    }

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ key: String) throws(RuleLoadingError) -> [(String, Node)]? {
        guard let value = node(key) else { return nil }
        switch value {
        case let .scalar(scalar): return [(scalar.string, value)]
        case let .sequence(sequence):
            var result: [(String, Node)] = []
            for item in sequence {
                guard case let .scalar(scalar) = item else {
                    throw RuleLoadingError(location: document.location(of: item), ruleID: ruleID, message: "'\(key)' must list strings")
                }
                result.append((scalar.string, item))
            }
            return result
        default:
            throw fail(key, "'\(key)' must be a string or a list of strings")
        }
    }

    func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, as: T.Type, what: String, required: Bool)
        throws(RuleLoadingError) -> T? where T.RawValue == String
    {
        guard let raw = try string(key, required: required) else { return nil }
        guard let value = T(rawValue: raw) else {
            let expected = T.allCases.map(\.rawValue)
            let list =
                expected.count > 1
                ? expected.dropLast().joined(separator: ", ") + " or " + expected.last! : expected.joined()
            throw fail(key, "unknown \(what) '\(raw)' (expected \(list))")
        }
        return value
    }
}
