public import Foundation
import PCRE2
import Yams

/// Loads and validates a rules folder: `*.yaml` rule files and `vocabularies/*.txt` word lists.
///
/// Everything is checked before a single draft is linted: YAML syntax, unknown and missing keys,
/// values, PCRE2 compilation, duplicate ids, and every rule's own examples. The first problem stops
/// loading with its `file:line:column` and rule id; a rule that is wrong never becomes "no rule".
public struct RuleLoader: Sendable {
    public var limits: MatchLimits
    /// Whether to run each rule's examples while loading (tests run them separately, with prefixes).
    public var verifyExamples: Bool
    /// Whether to JIT-compile patterns. JIT pays off over many or long drafts; compiling the full
    /// pack's JIT code costs ~80 ms, more than interpreting one short draft.
    public var jit: Bool

    public init(limits: MatchLimits = .default, verifyExamples: Bool = true, jit: Bool = true) {
        self.limits = limits
        self.verifyExamples = verifyExamples
        self.jit = jit
    }

    static let ruleKeys = [
        "id", "category", "severity", "confidence", "message", "policy", "check", "patterns", "caseless",
        "exceptions", "skip", "fields", "message_types", "except_message_types", "suggestion", "options", "examples",
    ]

    public func load(directory: URL) throws(RuleLoadingError) -> [Rule] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleLoadingError(location: SourceLocation(file: directory.path, line: 0, column: 0), message: "no rules folder here")
        }
        let vocabularies = try loadVocabularies(in: directory.appendingPathComponent("vocabularies"))
        let files = ((try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            throw RuleLoadingError(
                location: SourceLocation(file: directory.path, line: 0, column: 0), message: "no rule files (*.yaml) in this folder")
        }
        // Files are independent: parse and compile them in parallel, then report the first problem
        // in file order, so errors do not depend on scheduling.
        let parsed = files.concurrentMap { file -> Swift.Result<[Rule], RuleLoadingError> in
            let url = directory.appendingPathComponent(file)
            guard let contents = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(
                    RuleLoadingError(
                        location: SourceLocation(file: displayPath(url), line: 0, column: 0),
                        message: "cannot read (UTF-8 text expected)"))
            }
            return Swift.Result { () throws(RuleLoadingError) in
                try parse(contents, file: displayPath(url), vocabularies: vocabularies)
            }
        }
        var rules: [Rule] = []
        for result in parsed { rules += try result.get() }
        try checkUniqueIDs(rules)
        if verifyExamples { try Self.verifyExamples(of: rules, limits: limits) }
        return rules
    }

    /// Parses one rule file's text (without verifying examples or cross-file ids).
    public func parse(_ contents: String, file: String, vocabularies: [String: Vocabulary] = [:]) throws(RuleLoadingError) -> [Rule] {
        let document = try YAMLDocument(file: file, contents: contents)
        guard let root = document.root else { return [] }
        guard case let .sequence(sequence) = root else {
            throw RuleLoadingError(location: document.location(of: root), message: "a rule file must be a list of rules")
        }
        var rules: [Rule] = []
        for node in sequence {
            rules.append(try RuleParser(document: document, vocabularies: vocabularies, limits: limits, jit: jit).rule(from: node))
        }
        return rules
    }

    func loadVocabularies(in directory: URL) throws(RuleLoadingError) -> [String: Vocabulary] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".txt") }
        let loaded = files.concurrentMap { file -> Swift.Result<Vocabulary, RuleLoadingError> in
            let url = directory.appendingPathComponent(file)
            guard let contents = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(
                    RuleLoadingError(
                        location: SourceLocation(file: displayPath(url), line: 0, column: 0),
                        message: "cannot read vocabulary (UTF-8 text expected)"))
            }
            return .success(Vocabulary(name: String(file.dropLast(4)), contents: contents))
        }
        var vocabularies: [String: Vocabulary] = [:]
        for result in loaded {
            let vocabulary = try result.get()
            vocabularies[vocabulary.name] = vocabulary
        }
        return vocabularies
    }

    private func checkUniqueIDs(_ rules: [Rule]) throws(RuleLoadingError) {
        var seen: [String: SourceLocation] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                throw RuleLoadingError(location: rule.location, ruleID: rule.id, message: "duplicate rule id (first defined at \(first))")
            }
            seen[rule.id] = rule.location
        }
    }

    /// Runs every example of every rule against that rule alone.
    public static func verifyExamples(of rules: [Rule], limits: MatchLimits = .default) throws(RuleLoadingError) {
        let problems = rules.concurrentMap { rule -> RuleLoadingError? in
            for example in rule.examples {
                if let problem = ExampleVerdict(example: example, rule: rule, limits: limits).problem {
                    return RuleLoadingError(location: example.location, ruleID: rule.id, message: problem)
                }
            }
            return nil
        }
        if let first = problems.compactMap({ $0 }).first { throw first }
    }

    /// Paths are reported relative to the working directory when below it, as compilers do.
    private func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

/// Whether an example behaves as its rule file says.
public struct ExampleVerdict: Sendable {
    public let findings: [Finding]
    public let problem: String?

    public init(example: RuleExample, rule: Rule, limits: MatchLimits = .default, prefix: String = "") {
        var draft = example.draft
        draft.body = prefix + draft.body
        // Without the prefilter: a load verifying examples should not also analyse every pattern
        // (PatternPrefilterTests lints every example both ways).
        let linter = Linter(uncheckedRules: [rule], limits: limits)
        var texts = FieldTexts(draft: draft)
        let findings = rule.applies(to: draft.messageType) ? linter.check(rule, draft: draft, texts: &texts) : []
        self.findings = findings
        let own = findings.filter { $0.rule == rule.id }
        let shift = prefix.unicodeScalars.count
        if example.mustFlag {
            if own.isEmpty {
                problem = "example must flag but nothing was found: \(Self.quote(example.draft.body))"
            } else if !example.markerOffsets.isEmpty {
                let found = own.filter { $0.field == .body }.map(\.offset)
                let expected = example.markerOffsets.map { $0 + shift }
                problem =
                    found == expected
                    ? nil
                    : "example flags at code-point offsets \(found.map { $0 - shift }) but ↓ marks \(example.markerOffsets): \(Self.quote(example.draft.body))"
            } else {
                problem = nil
            }
        } else {
            problem =
                own.isEmpty
                ? nil
                : "example must pass but was flagged at '\(own[0].match)' (offset \(own[0].offset - (own[0].field == .body ? shift : 0))): \(Self.quote(example.draft.body))"
        }
    }

    private static func quote(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        return "\"" + (flat.count > 120 ? flat.prefix(117) + "…" : flat) + "\""
    }
}

extension Linter {
    /// A linter over rules that need no configuration (used to run one rule's examples).
    init(uncheckedRules rules: [Rule], limits: MatchLimits) {
        self.init(appliedRules: rules, configuration: .none, limits: limits, prefilter: false)
    }
}
