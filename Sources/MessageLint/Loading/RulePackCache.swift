public import Foundation
import PCRE2

/// A rule pack as a one-shot `parley lint` needs it, compiled, in one file: the rules without their
/// examples, and every pattern in PCRE2's serialized form. Reading it replaces YAML parsing,
/// vocabulary splicing and PCRE2 compilation (together about half of a short lint's CPU time).
///
/// Only a pack that loaded and passed its examples is ever stored, so a pack read back needs no
/// verification; examples are left out because linting does not use them (`parley rules explain`
/// and the tests load the YAML). The caller names the file after what it must match (the rules'
/// fingerprint and the build, see `parley`'s `RulesOptions`).
///
/// The file is trusted only as far as it checks out: a magic line, a format version, the length and
/// an FNV-1a checksum of everything after the header, then PCRE2's own version and count checks.
/// Anything else reads as "no pack" and the caller loads the YAML. Writes go to a temporary file
/// renamed into place, so a reader never sees half a pack.
public struct RulePackCache: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    static let magic = Array("PARLEY RULE PACK\n".utf8)
    static let formatVersion: UInt32 = 1

    /// What the file holds besides the compiled patterns, which it refers to by index.
    struct Contents: Codable {
        var rules: [StoredRule]
        var patterns: [StoredPattern]
    }

    struct StoredPattern: Codable {
        var pattern: String
        var options: UInt32
    }

    struct StoredRule: Codable {
        var id: String
        var category: Category
        var severity: Severity
        var confidence: Confidence?
        var message: String
        var policy: String
        var check: RuleCheck
        var patterns: [Int]
        var exceptions: [Int]
        var skips: [Int]
        var fields: [Field]
        var messageTypes: [MessageType]
        var exceptMessageTypes: [MessageType]
        var suggestion: String?
        var location: SourceLocation
    }

    /// The stored rules, compiled (JIT too when `jit`), in the order they were stored; nil when the
    /// file is missing or unusable for any reason.
    public func load(jit: Bool) -> [Rule]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return Self.decode([UInt8](data), jit: jit)
    }

    /// Stores `rules` (which must have loaded and passed their examples), replacing any older file.
    public func store(_ rules: [Rule]) throws {
        let bytes = try Self.encode(rules)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            // rename(2) replaces the target atomically; FileManager's move refuses an existing file.
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    // MARK: - Format

    static func encode(_ rules: [Rule]) throws -> [UInt8] {
        // Patterns are stored once per object: rules that share a compiled pattern share it again
        // after loading (the linter groups rules by their skip patterns).
        var index: [ObjectIdentifier: Int] = [:]
        var regexes: [PCRE2Regex] = []
        func indices(_ patterns: [PCRE2Regex]) -> [Int] {
            patterns.map { regex in
                if let known = index[ObjectIdentifier(regex)] { return known }
                index[ObjectIdentifier(regex)] = regexes.count
                regexes.append(regex)
                return regexes.count - 1
            }
        }
        let stored = rules.map { rule in
            StoredRule(
                id: rule.id, category: rule.category, severity: rule.severity, confidence: rule.confidence, message: rule.message,
                policy: rule.policy, check: rule.check, patterns: indices(rule.patterns), exceptions: indices(rule.exceptions),
                skips: indices(rule.skips), fields: rule.fields, messageTypes: rule.messageTypes,
                exceptMessageTypes: rule.exceptMessageTypes, suggestion: rule.suggestion, location: rule.location)
        }
        let contents = Contents(
            rules: stored, patterns: regexes.map { StoredPattern(pattern: $0.pattern, options: $0.options.rawValue) })
        let json = try JSONEncoder().encode(contents)
        let compiled = try PCRE2Regex.serialize(regexes)
        var body: [UInt8] = []
        body.reserveCapacity(4 + json.count + compiled.count)
        append(UInt32(json.count), to: &body)
        body += json
        body += compiled
        var hash = FNV1a64()
        hash.add(body)
        var file = magic
        append(formatVersion, to: &file)
        append(UInt64(body.count), to: &file)
        append(hash.value, to: &file)
        return file + body
    }

    /// Whether the file holds a whole, intact pack of this format (header, length and checksum),
    /// without decoding it: what a full load asks to know that this pack passed its examples.
    public var holdsIntactPack: Bool {
        guard let data = FileManager.default.contents(atPath: url.path) else { return false }
        return Self.checkedBody([UInt8](data)) != nil
    }

    /// A reader at the start of the body when the header, length and checksum check out.
    private static func checkedBody(_ file: [UInt8]) -> ByteReader? {
        var reader = ByteReader(bytes: file)
        guard reader.take(magic.count) == magic[...], reader.uint32() == formatVersion,
            let length = reader.uint64(), let checksum = reader.uint64(), length == UInt64(reader.remaining)
        else { return nil }
        var hash = FNV1a64()
        hash.add(file[reader.position...])
        return hash.value == checksum ? reader : nil
    }

    static func decode(_ file: [UInt8], jit: Bool) -> [Rule]? {
        guard var reader = checkedBody(file), let jsonLength = reader.uint32(), let json = reader.take(Int(jsonLength)),
            let contents = try? JSONDecoder().decode(Contents.self, from: Data(json))
        else { return nil }
        let compiled = Array(file[reader.position...])
        let sources = contents.patterns.map { (pattern: $0.pattern, options: CompileOptions(rawValue: $0.options)) }
        guard let regexes = try? PCRE2Regex.deserialize(compiled, sources: sources, jit: jit) else { return nil }
        var rules: [Rule] = []
        for stored in contents.rules {
            let all = stored.patterns + stored.exceptions + stored.skips
            guard all.allSatisfy(regexes.indices.contains) else { return nil }
            var rule = Rule(
                id: stored.id, category: stored.category, severity: stored.severity, confidence: stored.confidence,
                message: stored.message, policy: stored.policy, check: stored.check, patterns: stored.patterns.map { regexes[$0] },
                exceptions: stored.exceptions.map { regexes[$0] }, fields: stored.fields, messageTypes: stored.messageTypes,
                suggestion: stored.suggestion, location: stored.location)
            rule.skips = stored.skips.map { regexes[$0] }
            rule.exceptMessageTypes = stored.exceptMessageTypes
            rules.append(rule)
        }
        return rules
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// Reads the header's fields in order; nil past the end.
    private struct ByteReader {
        let bytes: [UInt8]
        var position = 0

        var remaining: Int { bytes.count - position }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= remaining else { return nil }
            defer { position += count }
            return bytes[position..<position + count]
        }

        mutating func uint32() -> UInt32? {
            take(4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
        }

        mutating func uint64() -> UInt64? {
            take(8).map { $0.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        }
    }
}
