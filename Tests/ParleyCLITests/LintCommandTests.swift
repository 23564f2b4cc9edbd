import Foundation
import MessageLint
import ParleyCLI
import TestSupport
import Testing

/// `parley lint` in process, against a small rule set written for the test so the expected output
/// does not move when the shipped pack is tuned.
@Suite struct LintCommandTests {
    static let rules = """
        - id: contact-info.email
          category: contact-info
          severity: error
          message: "Remove the email address '%s'."
          policy: "POLICY.md §2 contact-info"
          patterns: ['[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+']
          suggestion: "Ask the buyer to reply through Amazon's messaging."
          examples:
            flag: ["a@b.com", "x ↓c@d.de"]
            pass: ["no mail", "3 @ £2"]
        - id: format.emoji
          category: format
          severity: warning
          message: "Remove the emoji '%s'."
          policy: "POLICY.md §2 format"
          patterns: ['\\p{Emoji_Presentation}']
          examples:
            flag: ["ok 😀", "🎉"]
            pass: ["ok :)", "© 2026"]

        """

    let folder: URL

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Self.rules.write(to: folder.appendingPathComponent("rules/test.yaml"), atomically: true, encoding: .utf8)
    }

    func write(_ name: String, _ contents: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func lint(_ arguments: [String], stdin: String = "") throws -> CommandOutput {
        let command = try #require(
            try Parley.parseAsRoot(["lint", "--rules", folder.appendingPathComponent("rules").path] + arguments) as? Parley.Lint)
        return try command.output(standardInput: { Data(stdin.utf8) })
    }

    @Test func cleanDraftExitsZero() throws {
        let path = try write("clean.txt", "Your refund of $24.99 is on its way.\n")
        let output = try lint([path])
        #expect(output == CommandOutput(text: "\(path): no findings\n", exitCode: 0))
    }

    @Test func errorsPrintLikeACompilerAndExitOne() throws {
        let path = try write("draft.txt", "Hello,\n\tplease write to jö@example.com 😀\n")
        let output = try lint([path])
        #expect(output.exitCode == 1)
        #expect(
            output.text == """
                \(path):2:18: error: Remove the email address 'jö@example.com'. [contact-info.email]
                    \tplease write to jö@example.com 😀
                    \t                ^~~~~~~~~~~~~~
                    suggestion: Ask the buyer to reply through Amazon's messaging.
                \(path):2:33: warning: Remove the emoji '😀'. [format.emoji]
                    \tplease write to jö@example.com 😀
                    \t                               ^
                \(path): 1 error, 1 warning, 0 infos

                """)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let path = try write("warn.txt", "Thanks 🎉")
        #expect(try lint([path]).exitCode == 0)
        #expect(try lint(["--strict", path]).exitCode == 1)
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let output = try lint(["--format", "json", "--subject", "Mail x@y.com", "-"], stdin: "Hi 😀")
        #expect(output.exitCode == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["source"] as? String == "-")
        #expect(results[0]["summary"] as? [String: Int] == ["errors": 1, "warnings": 1, "infos": 0])
        let findings = try #require(results[0]["findings"] as? [[String: Any]])
        #expect(
            findings.map { Set($0.keys) }
                == Array(
                    repeating: [
                        "rule", "category", "severity", "message", "policy", "field", "line", "column", "offset", "length", "match",
                        "suggestion",
                    ], count: 2))
        #expect(findings[0]["field"] as? String == "subject")
        #expect(findings[0]["offset"] as? Int == 5)
        #expect(findings[1]["field"] as? String == "body")
        #expect(findings[1]["offset"] as? Int == 3)
        #expect(findings[1]["suggestion"] is NSNull)
    }

    @Test func jsonDraftFromStandardInputAndAttachmentsOnDisk() throws {
        let attachment = try write("label.pdf", String(repeating: "x", count: 1234))
        let draft =
            #"{"subject": "Return", "body": "Label attached.", "attachments": [{"name": "a.pdf", "bytes": 10}], "message_type": "proactive"}"#
        let command = try #require(
            try Parley.parseAsRoot([
                "lint", "--rules", folder.appendingPathComponent("rules").path, "--attach", attachment, "-",
            ]) as? Parley.Lint)
        #expect(try command.output(standardInput: { Data(draft.utf8) }).exitCode == 0)
        #expect(try Parley.Lint.attachment(at: attachment) == Attachment(name: "label.pdf", bytes: 1234))
    }

    @Test func badInputsAreInputErrorsNamingTheFile() throws {
        let missing = folder.appendingPathComponent("missing.txt").path
        #expect { try lint([missing]) } throws: {
            Parley.message(for: $0) == "parley: error: \(missing): no such file" && Parley.exitStatus(for: $0) == 2
        }
        let badJSON = try write("bad.json", #"{"body": 12}"#)
        #expect { try lint([badJSON]) } throws: { Parley.message(for: $0) == "parley: error: \(badJSON): field 'body' must be a string" }
        let badType = try write("type.json", #"{"body": "x", "message_type": "postcard"}"#)
        #expect { try lint([badType]) } throws: {
            Parley.message(for: $0).hasPrefix("parley: error: \(badType): field 'message_type': unknown message type 'postcard'")
        }
        let latin1 = folder.appendingPathComponent("latin1.txt").path
        _ = FileManager.default.createFile(atPath: latin1, contents: Data([0x48, 0x69, 0xE9, 0x21]))
        #expect { try lint([latin1]) } throws: { Parley.message(for: $0) == "parley: error: \(latin1): not UTF-8 text (byte 2 is invalid)" }
        #expect { try lint(["--attach", missing, try write("ok.txt", "ok")]) } throws: {
            Parley.message(for: $0) == "parley: error: \(missing): cannot attach: no such file"
        }
    }

    @Test func badRulesAreInputErrorsWithTheirLocation() throws {
        try "- id: format.x\n  category: format\n  severity: fatal\n".write(
            to: folder.appendingPathComponent("rules/broken.yaml"), atomically: true, encoding: .utf8)
        let path = try write("d.txt", "hi")
        #expect { try lint([path]) } throws: { error in
            let message = Parley.message(for: error)
            return message.hasPrefix("parley: error: invalid rules: ")
                && message.hasSuffix("broken.yaml:3:13: format.x: unknown severity 'fatal' (expected error, warning or info)")
                && Parley.exitStatus(for: error) == 2
        }
    }

    @Test func explainShowsWhereEachPatternRunsAndStarts() throws {
        let rules = folder.appendingPathComponent("explain")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try """
        - id: promotional.gift
          category: promotional
          severity: error
          message: "Remove '%s'."
          policy: "POLICY.md §2 promotional"
          patterns: ['\\bfree\\s+gift\\b', '\\w+@gift']
          examples:
            flag: ["a free gift", "FREE GIFT"]
            pass: ["a gift", "free gifts"]

        """.write(to: rules.appendingPathComponent("gift.yaml"), atomically: true, encoding: .utf8)
        let command = try #require(
            try Parley.parseAsRoot(["rules", "explain", "promotional.gift", "--rules", rules.path]) as? Parley.Rules.Explain)
        let text = try command.output().text
        #expect(
            text.contains(
                """
                patterns:
                  \\bfree\\s+gift\\b
                    runs when the text holds: "\\bfree\\b \\bgift\\b"
                    matches start at: "\\bfree\\b \\bgift\\b"
                  \\w+@gift
                    runs when the text holds: "@\\bgift"
                    matches start at: anywhere (no start literal; PCRE2 tries every position)

                """), "\(text)")
    }

    @Test func usageErrorsExitTwo() {
        for arguments in [["lint"], ["lint", "--message-type", "fax", "x.txt"], ["lint", "--format", "xml", "x.txt"], ["nonsense"]] {
            #expect { _ = try Parley.parseAsRoot(arguments) } throws: { Parley.exitStatus(for: $0) == 2 }
        }
    }

    @Test func configurationFileAppliesAndIsValidated() throws {
        let config = try write("parley.yaml", "disable: [format.emoji]\nseverity: {contact-info.email: warning}\n")
        let path = try write("c.txt", "a@b.com 😀")
        let output = try lint(["--config", config, "--format", "json", path])
        #expect(output.exitCode == 0)
        #expect(output.text.contains("\"severity\" : \"warning\""))
        #expect(!output.text.contains("format.emoji"))
        let typo = try write("typo.yaml", "disable: [format.emojis]\n")
        #expect { try lint(["--config", typo, path]) } throws: {
            Parley.message(for: $0) == "parley: error: \(typo): unknown rule id 'format.emojis' in the configuration"
        }
    }
}
