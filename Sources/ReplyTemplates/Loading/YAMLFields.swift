import MessageLint
import Yams

/// One YAML mapping of a template's front matter, read node by node so every error keeps its
/// `file:line:column` and no key is silently ignored (Codable would drop both).
struct YAMLFields {
    let file: String
    let node: Node
    let templateID: String?
    private let pairs: [(key: String, value: Node, keyNode: Node)]

    /// Composes the YAML text; nil for an empty document.
    static func compose(_ yaml: String, file: String) throws(TemplateLoadingError) -> Node? {
        do {
            // The basic resolver keeps every scalar a string; each key reads the type it needs.
            return try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                let .composer(context, problem, mark, _):
                let text = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                throw TemplateLoadingError(
                    location: SourceLocation(file: file, line: mark.line, column: mark.column), message: "malformed YAML: \(text)")
            default:
                throw TemplateLoadingError(location: SourceLocation(file: file, line: 1, column: 1), message: "malformed YAML: \(error)")
            }
        } catch {
            throw TemplateLoadingError(location: SourceLocation(file: file, line: 1, column: 1), message: "malformed YAML: \(error)")
        }
    }

    static func location(of node: Node, in file: String) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    init(_ node: Node, file: String, what: String, allowedKeys: [String], templateID: String?) throws(TemplateLoadingError) {
        self.file = file
        self.node = node
        self.templateID = templateID
        guard case let .mapping(mapping) = node else {
            throw TemplateLoadingError(
                location: Self.location(of: node, in: file), templateID: templateID, message: "\(what) must be a mapping")
        }
        var pairs: [(key: String, value: Node, keyNode: Node)] = []
        for (key, value) in mapping {
            let location = Self.location(of: key, in: file)
            guard let name = key.scalar?.string else {
                throw TemplateLoadingError(location: location, templateID: templateID, message: "keys must be strings")
            }
            guard allowedKeys.contains(name) else {
                throw TemplateLoadingError(
                    location: location, templateID: templateID,
                    message: "unknown key '\(name)' in \(what) (expected one of \(allowedKeys.joined(separator: ", ")))")
            }
            guard !pairs.contains(where: { $0.key == name }) else {
                throw TemplateLoadingError(location: location, templateID: templateID, message: "duplicate key '\(name)'")
            }
            pairs.append((name, value, key))
        }
        self.pairs = pairs
    }

    func node(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    /// The value's place, or the mapping's when the key is absent.
    func location(_ key: String?) -> SourceLocation { Self.location(of: key.flatMap(node) ?? node, in: file) }

    func fail(_ key: String?, _ message: String) -> TemplateLoadingError {
        TemplateLoadingError(location: location(key), templateID: templateID, message: message)
    }

    /// A string value; a missing required key is reported at the mapping.
    func string(_ key: String) throws(TemplateLoadingError) -> String? {
        guard let value = node(key) else { return nil }
        guard case let .scalar(scalar) = value else { throw fail(key, "'\(key)' must be a string") }
        return scalar.string
    }

    func requiredString(_ key: String) throws(TemplateLoadingError) -> String {
        guard let value = try string(key) else { throw fail(nil, "missing required key '\(key)'") }
        guard !value.trimmingWhitespace.isEmpty else { throw fail(key, "'\(key)' must not be empty") }
        return value
    }

    func bool(_ key: String) throws(TemplateLoadingError) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let bool = value.bool else { throw fail(key, "'\(key)' must be true or false") }
        return bool
    }

    func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, as: T.Type, what: String) throws(TemplateLoadingError) -> T
    where T.RawValue == String {
        let raw = try requiredString(key)
        guard let value = T(rawValue: raw) else {
            throw fail(key, "unknown \(what) '\(raw)' (expected \(Self.list(T.allCases.map(\.rawValue))))")
        }
        return value
    }

    /// `a, b or c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension String {
    var trimmingWhitespace: Substring {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }
}
