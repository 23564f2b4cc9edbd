import MessageLint
import TestSupport
import Testing

/// Every example of every shipped rule, as written and behind a prefix of emoji and accented letters
/// (which moves byte offsets away from code-point offsets, exposing conversion bugs).
@Suite struct RuleExampleTests {
    static let rules: [Rule] = (try? Fixtures.shippedRules()) ?? []
    static let examples: [RuleExample] = rules.flatMap(\.examples)
    static let prefix = "👨‍👩‍👧 Ünïcödé\n"

    @Test func shippedRulesLoadWithExamplesVerified() throws {
        let rules = try RuleLoader().load(directory: Fixtures.rules)
        #expect(rules.count >= 30)
        for rule in rules {
            #expect(rule.examples.count { $0.mustFlag } >= 2, "\(rule.id)")
            #expect(rule.examples.count { !$0.mustFlag } >= 2, "\(rule.id)")
        }
        #expect(Set(rules.map(\.category)) == Set(Category.allCases))
    }

    @Test(arguments: examples)
    func ruleExample(_ example: RuleExample) throws {
        let rule = try #require(Self.rules.first { $0.id == example.ruleID })
        let plain = ExampleVerdict(example: example, rule: rule)
        #expect(plain.problem == nil, "\(example.location): \(plain.problem ?? "")")
        guard Self.survivesPrefix(rule) else { return }
        let prefixed = ExampleVerdict(example: example, rule: rule, prefix: Self.prefix)
        let shift = Self.prefix.unicodeScalars.count
        // Findings inside the prefix itself (an emoji rule finds the emoji) are not the example's.
        let own = prefixed.findings.filter { $0.rule == rule.id && !($0.field == .body && $0.offset < shift) }
        if example.mustFlag {
            #expect(!own.isEmpty, "\(example.location): flags without the prefix but not behind it")
            if !example.markerOffsets.isEmpty {
                #expect(own.filter { $0.field == .body }.map { $0.offset - shift } == example.markerOffsets, "\(example.location)")
            }
            let plainOwn = plain.findings.filter { $0.rule == rule.id }
            #expect(own.map(\.match) == plainOwn.map(\.match), "\(example.location): the prefix changed what matched")
        } else {
            #expect(own.isEmpty, "\(example.location): passes alone but flags behind the prefix: \(own.map(\.match))")
        }
    }

    /// Whole-body checks (length, required patterns, patterns anchored at the start of the body)
    /// change meaning behind a prefix, as SwiftLint's `testMultiByteOffsets` exempts such rules.
    static func survivesPrefix(_ rule: Rule) -> Bool {
        rule.check == .pattern && rule.fields.contains(.body)
            && !rule.patterns.contains { $0.pattern.contains("\\A") || $0.pattern.hasPrefix("^") }
    }
}
