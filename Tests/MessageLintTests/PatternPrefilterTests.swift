import Foundation
import MessageLint
import PCRE2
import TestSupport
import Testing
import Yams

/// The literal prefilter may only save time: every text must get exactly the findings it gets when
/// every pattern runs.
@Suite struct PatternPrefilterTests {
    /// Every text the project has: corpus drafts, rule examples (also behind a prefix), and the shared
    /// twitter-text cases.
    static func drafts() throws -> [Draft] {
        var drafts = try CorpusLoader().load(directory: Fixtures.corpus).map(\.draft)
        let rules = try RuleLoader(verifyExamples: false).load(directory: Fixtures.rules)
        for example in rules.flatMap(\.examples) {
            drafts.append(example.draft)
            var shifted = example.draft
            shifted.body = "Héllo 👋 — " + shifted.body.uppercased()
            drafts.append(shifted)
        }
        let twitter = Fixtures.shared.appendingPathComponent("fixtures/urls/twitter-text")
        for file in ["extract.yml", "validate.yml"] {
            let yaml = try String(contentsOf: twitter.appendingPathComponent(file), encoding: .utf8)
            let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
            let tests = try #require(root["tests"] as? [String: Any])
            for case let section as [[String: Any]] in tests.values {
                drafts += section.compactMap { ($0["text"] as? String).map { Draft(body: $0) } }
            }
        }
        return drafts
    }

    /// With the prefilter, patterns are also tried only at their start literals: where there are
    /// few of them (as shipped), or always (the most anchored matching there can be).
    @Test(arguments: [StartAnchoring.never, .whenSparse, .always])
    func findingsAreIdenticalWithAndWithoutThePrefilter(anchoring: StartAnchoring) throws {
        let rules = try Fixtures.shippedRules()
        var filtered = try Linter(rules: rules)
        filtered.startAnchoring = anchoring
        let unfiltered = try Linter(rules: rules, prefilter: false)
        let drafts = try Self.drafts()
        #expect(drafts.count > 2_000)
        var differing: [String] = []
        for draft in drafts where filtered.lint(draft) != unfiltered.lint(draft) {
            differing.append(String(draft.body.prefix(100)))
        }
        #expect(differing.isEmpty, "\(differing.count) drafts differ, e.g. \(differing.prefix(5))")
    }

    @Test func mostShippedPatternsCanBeTriedAtTheirStartLiterals() throws {
        let rules = try Fixtures.shippedRules()
        let prefilter = PatternPrefilter(rules: rules)
        // Measured when start literals came in: 136 of the 165 patterns and skip patterns.
        #expect(prefilter.anchoredPatternCount >= 120)
    }

    @Test(arguments: [true, false])
    func anchoredMatchingKeepsLimitErrors(jit: Bool) throws {
        // Every attempt at an "a" backtracks a lot; PCRE2's own search meets the same limit.
        let rule = Rule(
            id: "test.slow", category: .format, severity: .warning, message: "m", policy: "p",
            patterns: [try PCRE2Regex("(?:a|aa)+c", jit: jit)])
        var anchored = try Linter(rules: [rule], limits: MatchLimits(matchLimit: 50))
        anchored.startAnchoring = .always
        var full = anchored
        full.startAnchoring = .never
        let draft = Draft(body: "x " + String(repeating: "a", count: 40) + " c")
        let findings = anchored.lint(draft)
        #expect(findings.map(\.rule) == [Linter.matchLimitRuleID])
        #expect(findings == full.lint(draft))
    }

    @Test func anchoredMatchingOnlyWhereTheTextHoldsFewCandidates() throws {
        let review = try PCRE2Regex(#"\breview\b"#, options: [.utf, .ucp, .caseless])
        let prefilter = PatternPrefilter(patterns: [review])
        #expect(prefilter.anchoredPatternCount == 1)
        let text = UTF8Text("A review, a Review and a REVIEWER.")
        let scan = prefilter.scan(text)
        #expect(prefilter.candidates(for: review, in: scan) == [2, 12])
        #expect(prefilter.candidates(for: review, in: scan, limit: 1) == nil)
        // Texts that must be searched in full place nothing.
        #expect(prefilter.candidates(for: review, in: prefilter.scan(UTF8Text("\u{212A} review"))) == nil)
    }

    @Test func mostShippedPatternsCanBeSkipped() throws {
        let rules = try Fixtures.shippedRules()
        let patterns = rules.flatMap(\.patterns)
        let prefilter = PatternPrefilter(rules: rules)
        // The measured point of the prefilter: a pattern without clauses always runs.
        #expect(Double(prefilter.filteredPatternCount) >= 0.9 * Double(patterns.count))
    }

    @Test func skipsPatternsWhoseLiteralsAreAbsent() throws {
        let review = try PCRE2Regex("leave (?:us )?a review", options: [.utf, .ucp, .caseless])
        let digits = try PCRE2Regex(#"\d{3}"#)
        let prefilter = PatternPrefilter(patterns: [review, digits])
        #expect(prefilter.filteredPatternCount == 1)
        let without = prefilter.presence(in: UTF8Text("Your order 123 has shipped."))
        #expect(!prefilter.mayMatch(review, presence: without))
        #expect(prefilter.mayMatch(digits, presence: without))
        let with = prefilter.presence(in: UTF8Text("Please LEAVE US A REVIEW."))
        #expect(prefilter.mayMatch(review, presence: with))
    }

    @Test func kelvinSignStillMatchesCaselessK() throws {
        // PCRE2 matches "k" caselessly against KELVIN SIGN; an ASCII fold would not see it.
        let rule = Rule(
            id: "test.kit", category: .promotional, severity: .error, message: "m", policy: "p",
            patterns: [try PCRE2Regex("kit", options: [.utf, .ucp, .caseless])])
        let findings = try Linter(rules: [rule]).lint(Draft(body: "a \u{212A}IT"))
        #expect(findings.map(\.match) == ["\u{212A}IT"])
    }

    @Test func requiredPatternRulesStillFireWhenTheirLiteralIsAbsent() throws {
        let rule = Rule(
            id: "test.order-id", category: .messageType, severity: .error, message: "m", policy: "p",
            check: .requiredPattern, patterns: [try PCRE2Regex(#"\d{3}-\d{7}-\d{7}"#)])
        let linter = try Linter(rules: [rule])
        #expect(linter.lint(Draft(body: "no order here")).count == 1)
        #expect(linter.lint(Draft(body: "order 111-2222222-3333333")).isEmpty)
    }
}
