import MessageLint
import PCRE2
import TestSupport
import Testing

@Suite struct LinterTests {
    func rule(
        _ id: String, _ patterns: [String], category: Category = .contactInfo, exceptions: [String] = [],
        fields: [Field] = [.body, .subject], types: [MessageType] = []
    ) throws -> Rule {
        Rule(
            id: id, category: category, severity: .error, message: "Found '%s'.", policy: "POLICY.md",
            patterns: try patterns.map { try PCRE2Regex($0, options: [.utf, .ucp, .caseless]) },
            exceptions: try exceptions.map { try PCRE2Regex($0, options: [.utf, .ucp, .caseless, .anchored, .endAnchored]) },
            fields: fields, messageTypes: types)
    }

    @Test func eachFieldIsMatchedInItsOwnText() throws {
        // Fields are prepared once per lint and kept per field: a mix-up would report one field's
        // text under another's name. Anchored starts and the full search must agree.
        let rules = [try rule("contact-info.code", ["\\bzq\\d\\b"], fields: [.subject, .body, .attachmentName])]
        let draft = Draft(
            subject: "zq1 subject", body: "body zq2\nzq22 zq3", attachments: [Attachment(name: "zq4 label.pdf", bytes: 10)])
        for anchoring in [StartAnchoring.never, .whenSparse, .always] {
            var linter = try Linter(rules: rules)
            linter.startAnchoring = anchoring
            let found = linter.lint(draft).map { "\($0.field.rawValue):\($0.line):\($0.column):\($0.match)" }
            #expect(found == ["subject:1:1:zq1", "body:1:6:zq2", "body:2:6:zq3", "attachment-name:1:1:zq4"], "\(anchoring)")
        }
    }

    @Test func findingCarriesLocationInCodePoints() throws {
        let linter = try Linter(rules: [try rule("contact-info.mail", ["\\S+@\\S+"])])
        let findings = linter.lint(Draft(subject: "Re: ünïcode", body: "Hi 😀\r\nwrite to jö@x.de please"))
        #expect(
            findings == [
                Finding(
                    rule: "contact-info.mail", category: .contactInfo, severity: .error, message: "Found 'jö@x.de'.",
                    policy: "POLICY.md", field: .body, line: 2, column: 10, offset: 15, length: 7, match: "jö@x.de", suggestion: nil)
            ])
    }

    @Test func subjectFindingsComeFirst() throws {
        let linter = try Linter(rules: [try rule("contact-info.mail", ["\\S+@\\S+"])])
        let findings = linter.lint(Draft(subject: "a@b.de", body: "c@d.de"))
        #expect(findings.map(\.field) == [.subject, .body])
    }

    @Test func exceptionsMustMatchTheWholeSpan() throws {
        let linter = try Linter(rules: [
            try rule(
                "external-link.url", ["https?://\\S+"], category: .externalLink,
                exceptions: ["https?://(?:[a-z0-9-]+\\.)*amazon\\.com(?:/\\S*)?"])
        ])
        let findings = linter.lint(Draft(body: "https://www.amazon.com/dp/B0 and https://amazon.com.evil.io/x"))
        #expect(findings.map(\.match) == ["https://amazon.com.evil.io/x"])
    }

    @Test func overlappingMatchesOfOneRuleAreReportedOnce() throws {
        let linter = try Linter(rules: [try rule("contact-info.x", ["abc", "abcdef", "cd"])])
        #expect(linter.lint(Draft(body: "xabcdefx cd")).map(\.match) == ["abcdef", "cd"])
    }

    @Test func rulesApplyOnlyToTheirMessageTypesAndFields() throws {
        let proactiveOnly = try rule("message-type.thanks", ["thanks"], category: .messageType, types: [.proactive])
        let subjectOnly = try rule("format.important", ["\\[important\\]"], category: .format, fields: [.subject])
        let linter = try Linter(rules: [proactiveOnly, subjectOnly])
        #expect(linter.lint(Draft(subject: "[Important]", body: "thanks [important]")).map(\.rule) == ["format.important"])
        let api = Draft(body: "thanks", messageType: try #require(MessageType("createUnexpectedProblem")))
        #expect(linter.lint(api).map(\.rule) == ["message-type.thanks"])
    }

    @Test func matchLimitBecomesAWarningAndOtherRulesStillRun() throws {
        let catastrophic = try rule("format.slow", ["^(a+)+$"], category: .format)
        let email = try rule("contact-info.mail", ["\\S+@\\S+"])
        let linter = try Linter(rules: [catastrophic, email], limits: MatchLimits(matchLimit: 5_000))
        let findings = linter.lint(Draft(body: String(repeating: "a", count: 35) + "b x@y.de"))
        #expect(findings.map(\.rule) == ["engine.match-limit", "contact-info.mail"])
        #expect(findings[0].severity == .warning)
        #expect(findings[0].message.contains("format.slow"))
    }

    @Test func shippedPackSurvivesPathologicalInput() throws {
        let linter = try Fixtures.shippedLinter()
        let inputs = [
            String(repeating: ".", count: 3_000), String(repeating: "a.", count: 2_000),
            String(repeating: "a@", count: 2_000), String(repeating: "1-", count: 2_000),
            String(repeating: "review ", count: 600), String(repeating: "www.", count: 1_000),
            String(repeating: "\n \t", count: 1_500), String(repeating: "😀", count: 2_000),
        ]
        for input in inputs {
            let limitHits = linter.lint(Draft(body: input)).filter { $0.rule == Linter.matchLimitRuleID }
            #expect(limitHits.isEmpty, "\(input.prefix(12))…: \(limitHits.map(\.message))")
        }
    }

    @Test func configurationDisablesRerates() throws {
        let rules = [try rule("contact-info.mail", ["\\S+@\\S+"]), try rule("contact-info.phone", ["\\d{5,}"])]
        let configuration = LintConfiguration(disabledRules: ["contact-info.phone"], severities: ["contact-info.mail": .warning])
        let linter = try Linter(rules: rules, configuration: configuration)
        let findings = linter.lint(Draft(body: "a@b.de 1234567"))
        #expect(findings.map(\.rule) == ["contact-info.mail"])
        #expect(findings.map(\.severity) == [.warning])
        #expect(throws: LintConfigurationError.unknownRule("contact-info.typo")) {
            _ = try Linter(rules: rules, configuration: LintConfiguration(disabledRules: ["contact-info.typo"]))
        }
    }

    @Test func allowedDomainsMatchWholeHosts() throws {
        let linter = try Linter(
            rules: [try rule("external-link.url", ["https?://\\S+"], category: .externalLink)],
            configuration: LintConfiguration(allowedDomains: ["returns.example.com"]))
        let findings = linter.lint(
            Draft(body: "https://returns.example.com/x https://eu.returns.example.com https://notreturns.example.com"))
        #expect(findings.map(\.match) == ["https://notreturns.example.com"])
    }

    @Test func configurationFileIsValidated() throws {
        let configuration = try LintConfigurationLoader().parse(
            """
            disable: [format.emoji]
            severity: {contact-info.phone-number: error}
            allowed_domains: [Example.com]
            attachments: {max_count: 3, max_bytes: 1000, allowed_extensions: [.PDF, png]}
            """, file: "parley.yaml")
        #expect(
            configuration
                == LintConfiguration(
                    disabledRules: ["format.emoji"], severities: ["contact-info.phone-number": .error], allowedDomains: ["example.com"],
                    maxAttachmentCount: 3, maxAttachmentBytes: 1000, allowedExtensions: ["pdf", "png"]))
        #expect {
            _ = try LintConfigurationLoader().parse("disabel: [x]\n", file: "parley.yaml")
        } throws: { "\($0)".hasPrefix("parley.yaml:1:1: unknown key 'disabel'") }
        #expect {
            _ = try LintConfigurationLoader().parse("severity: {a.b: fatal}\n", file: "parley.yaml")
        } throws: { "\($0)" == "parley.yaml:1:17: unknown severity 'fatal' (expected error, warning or info)" }
    }

    @Test func attachmentChecksPointAtTheAttachment() throws {
        let count = Rule(
            id: "attachment.too-many", category: .attachment, severity: .error, message: "%s",
            policy: "p", check: .attachmentCount(max: 2, min: 0), fields: [.attachmentName])
        let size = Rule(
            id: "attachment.too-large", category: .attachment, severity: .error, message: "Too large: %s",
            policy: "p", check: .attachmentSize(maxBytes: 100), fields: [.attachmentName])
        let type = Rule(
            id: "attachment.type", category: .attachment, severity: .error, message: "Type: %s",
            policy: "p", check: .attachmentType(allowedExtensions: ["pdf", "png"]), fields: [.attachmentName])
        let linter = try Linter(rules: [count, size, type])
        let draft = Draft(
            body: "see attached",
            attachments: [
                Attachment(name: "a.pdf", bytes: 10), Attachment(name: "bïg.png", bytes: 500), Attachment(name: "x.EXE", bytes: 5),
            ])
        let findings = linter.lint(draft)
        #expect(findings.map(\.rule) == ["attachment.too-large", "attachment.too-many", "attachment.type"])
        #expect(findings.map(\.line) == [2, 3, 3])
        #expect(findings.map(\.offset) == [6, 14, 14])
        #expect(findings.map(\.match) == ["bïg.png", "x.EXE", "x.EXE"])
        #expect(findings[1].message == "3 attachments (at most 2)")
    }

    @Test func lengthCheckReportsTheTextPastTheLimit() throws {
        let rule = Rule(
            id: "format.length", category: .format, severity: .error, message: "Too long: %s", policy: "p",
            check: .length(limits: ["createDigitalAccessKey": 10]))
        let linter = try Linter(rules: [rule])
        let type = try #require(MessageType("createDigitalAccessKey"))
        #expect(linter.lint(Draft(body: "0123456789", messageType: type)).isEmpty)
        #expect(linter.lint(Draft(body: "0123456789", messageType: .reply)).isEmpty)
        let findings = linter.lint(Draft(body: "01234\n5678é😀x", messageType: type))
        #expect(findings.map { [$0.line, $0.column, $0.offset, $0.length] } == [[2, 5, 10, 3]])
        #expect(findings[0].message == "Too long: 13 characters, over the 10-character limit of createDigitalAccessKey")
    }
}

@Suite struct SkipRegionTests {
    @Test func matchesStartingInsideASkipRegionAreDropped() throws {
        let yaml = """
            - id: review-solicitation.test-change
              category: review-solicitation
              severity: error
              message: "'%s'"
              policy: "POLICY.md"
              patterns: ['\\bupdate\\s+(?:your|my)\\s+review\\b']
              skip: ['\\byou\\s+wrote:\\s*"[^"\\n]{0,300}"']
              examples:
                flag: ["Could you ↓update your review?", "↓update your review please"]
                pass: ["You wrote: \\"I will update my review\\" - thank you.", "no review here"]

            """
        let rules = try RuleLoader().parse(yaml, file: "t.yaml")
        try RuleLoader.verifyExamples(of: rules)
        let linter = try Linter(rules: rules)
        let findings = linter.lint(Draft(body: "You wrote: \"I will update my review\". Could you update your review?"))
        #expect(findings.map(\.offset) == [48])
        #expect(rules[0].skips.count == 1)
    }
}
