import Yams

/// Turns the config file's YAML into `ParleySettings`. It reads Yams nodes rather than decoding
/// with Codable, because Codable drops both the positions every error needs and the unknown keys
/// that must be errors (a misspelt `adresses:` would otherwise silently leave the seller out).
///
/// ```yaml
/// seller:
///   addresses: [orders@shop.example, help@shop.example]
/// ```
enum ConfigFileParser {
    static let topKeys = ["seller"]
    static let sellerKeys = ["addresses"]

    static func parse(_ contents: String, file: String) throws(ConfigFileError) -> ParleySettings {
        let root: Node?
        do {
            // The basic resolver keeps every scalar a string: `addresses: [no@x.example]` must not
            // turn into anything else, and there is nothing here but strings.
            root = try Yams.compose(yaml: contents, .basic)
        } catch let error as YamlError {
            throw malformed(error, file: file)
        } catch {
            throw ConfigFileError(file: file, line: 1, column: 1, message: "malformed YAML: \(error)")
        }
        var settings = ParleySettings(file: file)
        guard let root, !isEmpty(root) else { return settings }
        let top = try mapping(root, what: "the config file", allowedKeys: topKeys, file: file)
        if let seller = top["seller"], !isEmpty(seller) {
            let section = try mapping(seller, what: "seller", allowedKeys: sellerKeys, file: file)
            if let addresses = section["addresses"] {
                for (address, node) in try strings(addresses, key: "addresses", file: file) {
                    guard SellerAddress.isAddress(address) else {
                        throw error(at: node, file: file, "'\(address)' in seller.addresses is not an email address (expected a@b.example)")
                    }
                    let normalized = SellerAddress.normalized(address)
                    if !settings.sellerAddresses.contains(normalized) { settings.sellerAddresses.append(normalized) }
                }
            }
        }
        return settings
    }

    /// A mapping's values by key, after checking that every key is a known string. (Yams has already
    /// refused a key given twice.)
    private static func mapping(_ node: Node, what: String, allowedKeys: [String], file: String) throws(ConfigFileError)
        -> [String: Node]
    {
        guard case .mapping(let mapping) = node else { throw error(at: node, file: file, "\(what) must be a mapping (key: value)") }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error(at: key, file: file, "keys in \(what) must be plain names") }
            let name = scalar.string
            guard allowedKeys.contains(name) else {
                throw error(at: key, file: file, "unknown key '\(name)' in \(what) (expected \(allowedKeys.joined(separator: ", ")))")
            }
            values[name] = value
        }
        return values
    }

    /// A list of strings; a single string is a list of one, as people write `addresses: a@b.example`.
    private static func strings(_ node: Node, key: String, file: String) throws(ConfigFileError) -> [(String, Node)] {
        switch node {
        case .scalar(let scalar): return isEmpty(node) ? [] : [(scalar.string, node)]
        case .sequence(let sequence):
            var result: [(String, Node)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else { throw error(at: item, file: file, "'\(key)' must list strings") }
                result.append((scalar.string, item))
            }
            return result
        default:
            throw error(at: node, file: file, "'\(key)' must be a string or a list of strings")
        }
    }

    /// `key:` with nothing after it, which YAML reads as null: treated as leaving the key out.
    private static func isEmpty(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null")
    }

    private static func error(at node: Node, file: String, _ message: String) -> ConfigFileError {
        ConfigFileError(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    private static func malformed(_ error: YamlError, file: String) -> ConfigFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let text = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return ConfigFileError(file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(text)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams finds these while composing, so the mapping reader never sees a key twice. Its mark
            // is where the mapping starts, not where the second key is.
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ConfigFileError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key\(duplicates.count == 1 ? "" : "s") \(keys) in the mapping that starts here")
        case let .reader(problem, _, _, _):
            return ConfigFileError(file: file, line: 1, column: 1, message: "malformed YAML: \(problem)")
        default:
            return ConfigFileError(file: file, line: 1, column: 1, message: "malformed YAML: \(error)")
        }
    }
}
