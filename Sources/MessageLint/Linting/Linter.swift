import Foundation
public import PCRE2
import Synchronization

/// Checks drafts against a set of rules. Patterns were compiled when the rules were loaded; a lint
/// allocates only its own match data, so one `Linter` can serve many threads at once.
public struct Linter: Sendable {
    public let rules: [Rule]
    public let configuration: LintConfiguration
    public let limits: MatchLimits
    /// Skips patterns whose required literals a field lacks; nil runs every pattern (for comparison).
    public let prefilter: PatternPrefilter?

    /// The id of the finding reported when a rule's pattern hits a PCRE2 limit.
    public static let matchLimitRuleID = "engine.match-limit"

    public init(
        rules: [Rule], configuration: LintConfiguration = .none, limits: MatchLimits = .default, prefilter: Bool = true
    ) throws(LintConfigurationError) {
        self.init(
            appliedRules: try configuration.apply(to: rules), configuration: configuration, limits: limits,
            prefilter: prefilter)
    }

    init(appliedRules rules: [Rule], configuration: LintConfiguration, limits: MatchLimits, prefilter: Bool = true) {
        self.rules = rules
        self.configuration = configuration
        self.limits = limits
        self.prefilter = prefilter ? PatternPrefilter(rules: rules) : nil
    }

    /// How many threads one lint may use; 1 lints on the caller's thread only.
    public var lanes = min(ProcessInfo.processInfo.activeProcessorCount, 4)
    /// Whether patterns are tried only where their start literals begin (needs the prefilter).
    public var startAnchoring = StartAnchoring.whenSparse
    /// Drafts shorter than this (UTF-8 bytes of subject and body) are linted on one thread: handing
    /// rules to other threads costs more than it saves.
    /// Since patterns run only where their start literals occur, a 4,000-character draft takes
    /// ~0.67 ms on one thread and ~1.1 ms with lanes (Benchmarks/README.md): below 8 KB, and so for
    /// every message Amazon accepts, one thread is quicker.
    public static let parallelThresholdBytes = 8_192

    /// Every finding in the draft, in report order (subject, body, attachments; then by position).
    public func lint(_ draft: Draft) -> [Finding] {
        let applicable = rules.indices.filter { rules[$0].applies(to: draft.messageType) }
        let size = draft.body.utf8.count + draft.subject.utf8.count
        guard lanes > 1, size >= Self.parallelThresholdBytes, applicable.count >= lanes else {
            return findings(of: applicable, in: draft).flatMap(\.findings).sorted(by: Finding.reportOrder)
        }
        // Fields are converted and scanned for literals once, here. Rules are weighed by how many of
        // their patterns the prefilter lets run, and rules sharing skip patterns stay together so
        // each skip is matched once. Results are put back in rule order, so the report is the same
        // as from one thread.
        var texts = FieldTexts(draft: draft, prefilter: prefilter, anchoring: startAnchoring)
        var groups: [[Int]] = []
        var groupOfSkips: [[String]: Int] = [:]
        for index in applicable {
            let skips = rules[index].skips.map(\.pattern)
            if !skips.isEmpty, let group = groupOfSkips[skips] {
                groups[group].append(index)
            } else {
                if !skips.isEmpty { groupOfSkips[skips] = groups.count }
                groups.append([index])
            }
        }
        let weighted = groups.map { group in
            (group, group.reduce(0) { $0 + runnablePatterns(of: rules[$1], texts: &texts) })
        }
        // Groups are taken from a shared counter, heaviest first, so a lane that drew a slow
        // pattern does not hold up the others.
        let queue = weighted.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0[0] < $1.0[0] }.map(\.0)
        let next = Atomic<Int>(0)
        let prepared = texts
        let perLane = Array(0..<lanes).concurrentMap { _ in
            var texts = prepared
            var results: [(rule: Int, findings: [Finding])] = []
            while true {
                let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard taken < queue.count else { break }
                for index in queue[taken] { results.append((index, check(rules[index], draft: draft, texts: &texts))) }
            }
            return results
        }
        return perLane.joined().sorted { $0.rule < $1.rule }.flatMap(\.findings).sorted(by: Finding.reportOrder)
    }

    /// How many of a rule's patterns the prefilter lets run on the draft's fields (at least 1, for
    /// the work every rule does).
    private func runnablePatterns(of rule: Rule, texts: inout FieldTexts) -> Int {
        var count = 1
        for field in rule.fields where !texts.text(of: field).bytes.isEmpty {
            for pattern in rule.patterns where texts.mayMatch(pattern, in: field) { count += 1 }
        }
        return count
    }

    /// The findings of the rules at `indices`, by rule index.
    private func findings(of indices: [Int], in draft: Draft) -> [(rule: Int, findings: [Finding])] {
        var texts = FieldTexts(draft: draft, prefilter: prefilter, anchoring: startAnchoring)
        return indices.map { index in (index, check(rules[index], draft: draft, texts: &texts)) }
    }

    /// The findings of one rule.
    func check(_ rule: Rule, draft: Draft, texts: inout FieldTexts) -> [Finding] {
        do throws(PCRE2Error) {
            switch rule.check {
            case .pattern:
                return try patternFindings(rule, texts: &texts)
            case .requiredPattern:
                return try requiredPatternFindings(rule, texts: &texts)
            case .attachmentCount, .attachmentSize, .attachmentType:
                return AttachmentCheck(rule: rule).findings(in: draft, names: texts.text(of: .attachmentName))
            case let .length(limits):
                return LengthCheck(rule: rule, limits: limits).findings(in: draft, body: texts.text(of: .body))
            }
        } catch {
            return [matchLimitFinding(rule, error: error)]
        }
    }

    private func patternFindings(_ rule: Rule, texts: inout FieldTexts) throws(PCRE2Error) -> [Finding] {
        var findings: [Finding] = []
        for field in rule.fields {
            let text = texts.text(of: field)
            guard !text.bytes.isEmpty else { continue }
            var spans: [Range<Int>] = []
            for pattern in rule.patterns where texts.mayMatch(pattern, in: field) {
                spans += try texts.matches(of: pattern, in: field, limits: limits)
            }
            spans.removeAll(where: \.isEmpty)
            guard !spans.isEmpty else { continue }
            // Whether each span is an exception, asked once per span.
            var excepted: [Range<Int>: Bool] = [:]
            func isExcepted(_ span: Range<Int>) throws(PCRE2Error) -> Bool {
                if let known = excepted[span] { return known }
                let answer = try self.isExcepted(text.substring(span), by: rule)
                excepted[span] = answer
                return answer
            }
            if !rule.skips.isEmpty {
                // Skip regions only ever remove spans: when every span is an exception anyway
                // (an Amazon link, say), the report is empty without them.
                var anyReportable = false
                for span in spans where try !isExcepted(span) {
                    anyReportable = true
                    break
                }
                guard anyReportable else { continue }
                var skipped: [Range<Int>] = []
                for skip in rule.skips { skipped += try texts.skipMatches(of: skip, in: field, limits: limits) }
                spans.removeAll { span in skipped.contains { $0.contains(span.lowerBound) } }
            }
            for span in Self.withoutOverlaps(spans) where try !isExcepted(span) {
                findings.append(finding(rule, field: field, text: text, span: span))
            }
        }
        return findings
    }

    private func requiredPatternFindings(_ rule: Rule, texts: inout FieldTexts) throws(PCRE2Error) -> [Finding] {
        for field in rule.fields {
            for pattern in rule.patterns where texts.mayMatch(pattern, in: field) {
                if try texts.firstMatch(of: pattern, in: field, limits: limits) != nil { return [] }
            }
        }
        return [
            Finding(
                rule: rule.id, category: rule.category, severity: rule.severity, message: rule.message(quoting: ""),
                policy: rule.policy, field: .body, line: 1, column: 1, offset: 0, length: 0, match: "",
                suggestion: rule.suggestion)
        ]
    }

    private func isExcepted(_ matched: String, by rule: Rule) throws(PCRE2Error) -> Bool {
        for exception in rule.exceptions where try exception.matchesWhole(matched, limits: limits) {
            return true
        }
        if rule.category == .externalLink, !configuration.allowedDomains.isEmpty,
            let host = LinkHost(of: matched), configuration.allows(host: host.name)
        {
            return true
        }
        return false
    }

    func finding(_ rule: Rule, field: Field, text: UTF8Text, span: Range<Int>) -> Finding {
        let position = text.position(ofByte: span.lowerBound)
        let matched = text.substring(span)
        return Finding(
            rule: rule.id, category: rule.category, severity: rule.severity, message: rule.message(quoting: matched),
            policy: rule.policy, field: field, line: position.line, column: position.column,
            offset: position.codePointOffset, length: text.codePointCount(of: span), match: matched,
            suggestion: rule.suggestion)
    }

    private func matchLimitFinding(_ rule: Rule, error: PCRE2Error) -> Finding {
        Finding(
            rule: Self.matchLimitRuleID, category: rule.category, severity: .warning,
            message: "Rule \(rule.id) was stopped before it finished (\(error)); this draft was not fully checked for it.",
            policy: "rules/README.md#patterns", field: .body, line: 1, column: 1, offset: 0, length: 0,
            match: "", suggestion: "Simplify the rule's pattern (bounded repetitions, no nested quantifiers).")
    }

    /// Spans with overlapping ones removed: the earliest wins, and of two starting together the longest.
    static func withoutOverlaps(_ spans: [Range<Int>]) -> [Range<Int>] {
        let sorted = spans.sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.count > $1.count }
        var kept: [Range<Int>] = []
        for span in sorted {
            if let last = kept.last, span.lowerBound < last.upperBound { continue }
            kept.append(span)
        }
        return kept
    }
}

/// The draft's fields prepared for matching, each converted and scanned once per lint.
struct FieldTexts: Sendable {
    let draft: Draft
    let prefilter: PatternPrefilter?
    let anchoring: StartAnchoring
    // Per field, indexed by `Field.slot`: arrays, not dictionaries, because these are read for
    // every pattern of every rule and a dictionary hashes the key on each read.
    private var cache = [UTF8Text?](repeating: nil, count: Field.allCases.count)
    /// What each field's scan found, kept apart: `mayMatch`, asked for every pattern, needs only
    /// the presence.
    private var presences = [LiteralPresence?](repeating: nil, count: Field.allCases.count)
    /// Set with the presence: nil inside when the field must be searched in full.
    private var starts = [[LiteralStart]??](repeating: nil, count: Field.allCases.count)

    init(draft: Draft, prefilter: PatternPrefilter? = nil, anchoring: StartAnchoring = .never) {
        self.draft = draft
        self.prefilter = prefilter
        self.anchoring = anchoring
    }

    // The prefilter is used through optional chaining, never bound with `if let`: binding copies
    // the struct, retaining each of its arrays, on every one of thousands of calls per lint.

    /// Whether `pattern` can match in the field at all; each field is scanned for literals once.
    mutating func mayMatch(_ pattern: PCRE2Regex, in field: Field) -> Bool {
        guard prefilter != nil else { return true }
        let presence = presences[field.slot] ?? scan(field).presence
        return prefilter?.mayMatch(pattern, presence: presence) ?? true
    }

    /// Scans a field once and keeps what it found.
    private mutating func scan(_ field: Field) -> FieldScan {
        let text = text(of: field)
        let scan = prefilter?.scan(text) ?? FieldScan(presence: LiteralPresence(count: 0), starts: nil)
        presences[field.slot] = scan.presence
        starts[field.slot] = .some(scan.starts)
        return scan
    }

    mutating func text(of field: Field) -> UTF8Text {
        if let text = cache[field.slot] { return text }
        let text = UTF8Text(draft.text(of: field))
        cache[field.slot] = text
        return text
    }

    /// Where a match of `pattern` can begin in the field, when trying only there is worth it.
    private mutating func candidates(for pattern: PCRE2Regex, in field: Field) -> [Int]? {
        guard prefilter != nil,
            let limit = anchoring.candidateLimit(
                forBytes: text(of: field).byteCount, firstCodeUnitIsKnown: pattern.firstCodeUnitIsKnown)
        else { return nil }
        let scan =
            if let presence = presences[field.slot], let starts = starts[field.slot] {
                FieldScan(presence: presence, starts: starts)
            } else {
                scan(field)
            }
        return prefilter?.candidates(for: pattern, in: scan, limit: limit)
    }

    /// Every match of `pattern` in the field, found at its candidates when there are few.
    mutating func matches(of pattern: PCRE2Regex, in field: Field, limits: MatchLimits) throws(PCRE2Error) -> [Range<Int>] {
        let text = text(of: field)
        if let candidates = candidates(for: pattern, in: field) {
            return try pattern.matches(in: text, startingAt: candidates, limits: limits)
        }
        return try pattern.matches(in: text, limits: limits)
    }

    /// The first match of `pattern` in the field, found as `matches(of:in:limits:)` finds them.
    mutating func firstMatch(of pattern: PCRE2Regex, in field: Field, limits: MatchLimits) throws(PCRE2Error) -> Range<Int>? {
        let text = text(of: field)
        if let candidates = candidates(for: pattern, in: field) {
            return try pattern.firstMatch(in: text, startingAt: candidates, limits: limits)
        }
        return try pattern.firstMatch(in: text, limits: limits)
    }

    /// The matches of a skip pattern in a field, found once per lint however many rules share it.
    private var skipCache: [SkipKey: [Range<Int>]] = [:]

    private struct SkipKey: Hashable {
        let field: Field
        let pattern: String
        let options: UInt32
    }

    mutating func skipMatches(of skip: PCRE2Regex, in field: Field, limits: MatchLimits) throws(PCRE2Error) -> [Range<Int>] {
        let key = SkipKey(field: field, pattern: skip.pattern, options: skip.options.rawValue)
        if let spans = skipCache[key] { return spans }
        let spans = mayMatch(skip, in: field) ? try matches(of: skip, in: field, limits: limits) : []
        skipCache[key] = spans
        return spans
    }
}
