import Foundation
import MessageLint
import TestSupport
import Testing

/// Loading stops at the first problem with `file:line:column`, the rule id, and a clear message.
@Suite struct RuleLoaderTests {
    static let valid = """
        - id: contact-info.test-email
          category: contact-info
          severity: error
          message: "Remove '%s'."
          policy: "POLICY.md §2"
          patterns: ['[\\w.]+@[\\w.]+\\.com']
          examples:
            flag: ["mail ↓a@b.com", "↓x@y.com now"]
            pass: ["no mail", "a at b"]

        """

    func loadError(_ yaml: String, file: String = "rules/test.yaml") -> String? {
        do {
            let rules = try RuleLoader().parse(yaml, file: file)
            try RuleLoader.verifyExamples(of: rules)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func validRuleLoads() throws {
        let rules = try RuleLoader().parse(Self.valid, file: "rules/test.yaml")
        #expect(rules.map(\.id) == ["contact-info.test-email"])
        #expect(rules[0].examples.count == 4)
        #expect(rules[0].examples[0].markerOffsets == [5])
        #expect(rules[0].location == SourceLocation(file: "rules/test.yaml", line: 1, column: 3))
        #expect(loadError(Self.valid) == nil)
    }

    @Test func malformedYAML() {
        #expect(
            loadError("- id: [unclosed\n  category: x\n")
                == "rules/test.yaml:2:11: malformed YAML: while parsing a flow sequence, did not find expected ',' or ']'")
    }

    @Test func unknownKey() {
        let yaml = Self.valid.replacingOccurrences(of: "  severity: error", with: "  severity: error\n  severty: error")
        #expect(
            loadError(yaml)
                == "rules/test.yaml:4:3: contact-info.test-email: unknown key 'severty' in a rule (expected one of id, category, severity, confidence, message, policy, check, patterns, caseless, exceptions, skip, fields, message_types, except_message_types, suggestion, options, examples)"
        )
    }

    @Test func misspeltExamplesKeyIsNotIgnored() {
        let yaml = Self.valid.replacingOccurrences(of: "    flag:", with: "    flagg:")
        #expect(
            loadError(yaml) == "rules/test.yaml:8:5: contact-info.test-email: unknown key 'flagg' in examples (expected one of flag, pass)")
    }

    @Test func unknownSeverity() {
        let yaml = Self.valid.replacingOccurrences(of: "severity: error", with: "severity: eror")
        #expect(
            loadError(yaml) == "rules/test.yaml:3:13: contact-info.test-email: unknown severity 'eror' (expected error, warning or info)")
    }

    @Test func invalidPatternReportsPCRE2MessageAndOffset() {
        let yaml = Self.valid.replacingOccurrences(of: "['[\\w.]+@[\\w.]+\\.com']", with: "['(a@b']")
        #expect(
            loadError(yaml)
                == "rules/test.yaml:6:14: contact-info.test-email: invalid pattern '(a@b': missing closing parenthesis at offset 4")
    }

    @Test func idMustCarryItsCategory() {
        let yaml = Self.valid.replacingOccurrences(of: "id: contact-info.test-email", with: "id: email")
        #expect(loadError(yaml) == "rules/test.yaml:1:7: email: rule id 'email' must be 'contact-info.<name>' in lower case")
    }

    @Test func ruleWithoutExamplesDoesNotLoad() {
        let yaml = Self.valid.components(separatedBy: "  examples:")[0]
        #expect(
            loadError(yaml)
                == "rules/test.yaml:1:3: contact-info.test-email: missing required key 'examples' (a rule without examples does not load)")
    }

    @Test func tooFewExamples() {
        let yaml = Self.valid.replacingOccurrences(of: "pass: [\"no mail\", \"a at b\"]", with: "pass: [\"no mail\"]")
        #expect(loadError(yaml) == "rules/test.yaml:9:11: contact-info.test-email: examples.pass needs at least 2 texts, has 1")
    }

    @Test func exampleThatDoesNotFlag() {
        let yaml = Self.valid.replacingOccurrences(of: "\"↓x@y.com now\"", with: "\"x at y dot com\"")
        #expect(
            loadError(yaml) == "rules/test.yaml:8:29: contact-info.test-email: example must flag but nothing was found: \"x at y dot com\"")
    }

    @Test func exampleThatDoesNotPass() {
        let yaml = Self.valid.replacingOccurrences(of: "\"a at b\"", with: "\"a@b.com\"")
        #expect(
            loadError(yaml)
                == "rules/test.yaml:9:23: contact-info.test-email: example must pass but was flagged at 'a@b.com' (offset 0): \"a@b.com\"")
    }

    @Test func markerAtTheWrongPlace() {
        let yaml = Self.valid.replacingOccurrences(of: "\"mail ↓a@b.com\"", with: "\"↓mail a@b.com\"")
        #expect(
            loadError(yaml)
                == "rules/test.yaml:8:12: contact-info.test-email: example flags at code-point offsets [5] but ↓ marks [0]: \"mail a@b.com\""
        )
    }

    @Test func duplicateIDsAcrossFiles() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.valid.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try RuleLoader().load(directory: folder)
        } throws: { error in
            let text = "\(error)"
            return text.hasSuffix("b.yaml:1:3: contact-info.test-email: duplicate rule id (first defined at \(folder.path)/a.yaml:1:3)")
        }
    }

    @Test func unknownVocabulary() {
        let yaml = Self.valid.replacingOccurrences(of: "\\.com']", with: "\\.{{tlds}}']")
        #expect(
            loadError(yaml)
                == "rules/test.yaml:6:14: contact-info.test-email: unknown vocabulary '{{tlds}}' (expected a file rules/vocabularies/tlds.txt)"
        )
    }

    @Test func vocabulariesBecomeTrieAlternations() throws {
        let vocabulary = Vocabulary(name: "tld", contents: "# comment\ncom\nco\ncoop\nde\n\nco.uk\n")
        #expect(vocabulary.words == ["com", "co", "coop", "de", "co.uk"])
        #expect(vocabulary.pattern == "(?:(?:co(?:\\.uk|m|op)?|de))")
        let rules = try RuleLoader().parse(
            Self.valid.replacingOccurrences(of: "\\.com']", with: "\\.{{tld}}(?!\\w)']"), file: "t.yaml",
            vocabularies: ["tld": vocabulary])
        let linter = try Linter(rules: rules)
        #expect(linter.lint(Draft(body: "a@b.coop a@b.co.uk a@b.cox")).map(\.match) == ["a@b.coop", "a@b.co.uk"])
    }

    @Test func missingFolderIsAnErrorNotAnEmptyRuleSet() {
        #expect(throws: RuleLoadingError.self) {
            _ = try RuleLoader().load(directory: URL(fileURLWithPath: "/nonexistent/rules"))
        }
    }
}
