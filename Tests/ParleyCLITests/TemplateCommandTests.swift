import Foundation
import MessageLint
import ParleyCLI
import TestSupport
import Testing

/// `parley template list|show|fill` in process, over two small templates written for the test and
/// the shipped rules, so the expected output does not move when the shipped templates are edited.
@Suite struct TemplateCommandTests {
    static let returnAuthorised = TemplateSamples.returnAuthorised

    static let deliveryDelayed = """
        ---
        id: delivery-delayed
        title: Delivery delayed
        category: delivery
        when: The parcel will arrive later than promised.
        language: en-US
        subject: "Order {{order_id}} is delayed"
        message_type: createUnexpectedProblem
        variables:
          - name: order_id
            description: The Amazon order id.
            required: true
            example: "114-3941689-8779232"
            format: order-id
        ---
        Hello,

        Order {{order_id}} is delayed by the carrier. We are sorry for the wait.

        """

    let folder: URL
    var templates: String { folder.appendingPathComponent("templates").path }

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        for (path, contents) in [
            "templates/returns/return-authorised.en-GB.mustache": Self.returnAuthorised,
            "templates/returns/return-authorised.en-US.mustache": Self.returnAuthorised.replacingOccurrences(
                of: "language: en-GB", with: "language: en-US"
            ).replacingOccurrences(of: "Hello {{buyer_name}}", with: "Hi {{buyer_name}}"),
            "templates/delivery/delivery-delayed.en-US.mustache": Self.deliveryDelayed,
        ] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func run(_ arguments: [String]) throws -> CommandOutput {
        let command = try Parley.parseAsRoot(["template"] + arguments + ["--templates", templates])
        switch command {
        case let list as Parley.Template.List: return try list.output()
        case let show as Parley.Template.Show: return try show.output()
        case let fill as Parley.Template.Fill: return try fill.output()
        default: throw InputError("not a template command: \(command)")
        }
    }

    func fill(_ arguments: [String]) throws -> CommandOutput {
        try run(["fill"] + arguments + ["--rules", Fixtures.rules.path])
    }

    func json(_ output: CommandOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
    }

    /// The message of the error a command throws, and its exit status.
    func failure(_ arguments: [String]) -> (String, Int32) {
        do {
            let output = try run(arguments)
            return ("no error: \(output)", 0)
        } catch {
            return (Parley.message(for: error), Parley.exitStatus(for: error))
        }
    }

    // MARK: list

    @Test func listPrintsOneLinePerTemplate() throws {
        #expect(
            try run(["list"])
                == CommandOutput(
                    text: """
                        id                 category  type                     languages    title
                        return-authorised  returns   reply                    en-GB,en-US  Return authorised
                        delivery-delayed   delivery  createUnexpectedProblem  en-US        Delivery delayed
                        2 templates, 3 files

                        """))
        #expect(try run(["list", "--category", "delivery"]).text.hasSuffix("\n1 template, 1 file\n"))
        #expect(try run(["list", "--language", "en-GB"]).text.hasSuffix("en-GB      Return authorised\n1 template, 1 file\n"))
        #expect(try run(["list", "--language", "en"]).text.hasSuffix("\n2 templates, 3 files\n"))
        #expect(try run(["list", "--language", "de-DE"]).text == "no templates match\n")
    }

    @Test func listJSONGivesEveryVariantsFrontMatter() throws {
        let output = try run(["list", "--format", "json"])
        let document = try json(output)
        #expect(document["version"] as? Int == 1)
        let entries = try #require(document["templates"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["delivery-delayed", "return-authorised", "return-authorised"])
        #expect(entries.map { $0["language"] as? String } == ["en-US", "en-GB", "en-US"])
        #expect(
            Set(entries[1].keys) == ["id", "title", "category", "when", "language", "subject", "message_type", "variables", "file"])
        let variables = try #require(entries[1]["variables"] as? [[String: Any]])
        #expect(variables.map { $0["name"] as? String } == ["buyer_name", "order_id", "tracking_number"])
        #expect(Set(variables[1].keys) == ["name", "description", "required", "default", "example", "format"])
        #expect(variables[1]["default"] is NSNull)
        #expect(variables[1]["required"] as? Bool == true)
    }

    // MARK: show

    @Test func showPrintsTheVariablesAndTheSource() throws {
        let output = try run(["show", "return-authorised", "--language", "en-GB"])
        #expect(output.notes == "")
        #expect(
            output.text == """
                return-authorised (en-GB)  Return authorised

                when:         The buyer asked to return an item and you authorised it.
                category:     returns
                message type: reply
                languages:    en-GB, en-US
                file:         \(templates)/returns/return-authorised.en-GB.mustache

                variables:
                  buyer_name       text             default "there"; The buyer's first name. (example: Dana)
                  order_id         order-id         required; The Amazon order id. (example: 114-3941689-8779232)
                  tracking_number  tracking-number  optional; The return's tracking number, if any. (example: 1Z999AA10123456784)

                subject: Your return for order {{order_id}}

                Hello {{buyer_name}},

                We have authorised the return for order {{order_id}}.

                {{#tracking_number}}
                Your return is tracked as {{tracking_number}}.
                {{/tracking_number}}

                Kind regards

                """)
        let australian = try run(["show", "return-authorised", "--language", "en_au"])
        #expect(australian.text.hasPrefix("return-authorised (en-GB)"))
        #expect(australian.notes == "parley: note: return-authorised has no en-AU variant; using en-GB\n")
        #expect(try run(["show", "return-authorised"]).text.hasPrefix("return-authorised (en-US)"))
    }

    @Test func showJSONGivesTheFrontMatterAndBody() throws {
        let document = try json(try run(["show", "delivery-delayed", "--format", "json"]))
        #expect(
            Set(document.keys) == [
                "version", "id", "title", "category", "when", "language", "subject", "message_type", "variables", "body", "file",
                "variants",
            ])
        #expect(document["message_type"] as? String == "createUnexpectedProblem")
        #expect(document["variants"] as? [String] == ["en-US"])
        #expect(document["body"] as? String == "Hello,\n\nOrder {{order_id}} is delayed by the carrier. We are sorry for the wait.\n")
    }

    @Test func showUnknownTemplateIsAnInputError() {
        let (message, status) = failure(["show", "return-authorized"])
        #expect(message == "parley: error: unknown template 'return-authorized'; did you mean 'return-authorised'?")
        #expect(status == 2)
    }

    // MARK: fill

    @Test func cleanFillPrintsTheMessageAndExitsZero() throws {
        let output = try fill([
            "return-authorised", "--set", "order_id=114-3941689-8779232", "--set", "buyer_name=Dana", "--language", "en-GB",
        ])
        #expect(
            output
                == CommandOutput(
                    text: """
                        Subject: Your return for order 114-3941689-8779232

                        Hello Dana,

                        We have authorised the return for order 114-3941689-8779232.

                        Kind regards

                        """, exitCode: 0))
    }

    @Test func valuesFileAndLanguageFallback() throws {
        let vars = folder.appendingPathComponent("vars.json").path
        try #"{"order_id": "114-3941689-8779232", "tracking_number": "1Z999AA10123456784", "buyer_name": "Dana"}"#.write(
            toFile: vars, atomically: true, encoding: .utf8)
        let output = try fill(["return-authorised", "--vars", vars, "--set", "buyer_name=Sam", "--language", "en-NZ"])
        #expect(output.exitCode == 0)
        #expect(output.text.contains("Hello Sam,\n"))
        #expect(output.text.contains("Your return is tracked as 1Z999AA10123456784.\n"))
        #expect(output.notes == "parley: note: return-authorised has no en-NZ variant; using en-GB\n")
    }

    @Test func aLinkInAValueFailsWithTheFindingsAndExitsOne() throws {
        let output = try fill(["return-authorised", "--set", "order_id=114-3941689-8779232", "--set", "buyer_name=visit www.example.com"])
        #expect(output.exitCode == 1)
        #expect(
            output.text == """
                return-authorised.en-US:1:10: error: Remove the link 'www.example.com': messages to buyers may not contain URLs outside Amazon unless the link is needed to complete the order. [external-link.url]
                    Hi visit www.example.com,
                             ^~~~~~~~~~~~~~~
                    suggestion: Describe the information in the message itself, or refer to an Amazon page by product name or ASIN.
                return-authorised.en-US: 1 error, 0 warnings, 0 infos
                note: 'www.example.com' is in the value of 'buyer_name' (--set)

                """)
        #expect(!output.text.contains("Subject:"), "a message that fails is not printed")
    }

    @Test func anEmailAddressInAValueFailsAsJSON() throws {
        let output = try fill([
            "return-authorised", "--set", "order_id=114-3941689-8779232", "--set", "buyer_name=email me at a@b.com", "--format", "json",
        ])
        #expect(output.exitCode == 1)
        let document = try json(output)
        #expect(document["version"] as? Int == 1)
        #expect(document["passed"] as? Bool == false)
        #expect(document["subject"] as? String == "Your return for order 114-3941689-8779232")
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["contact-info.email-address"])
        #expect(findings.map { $0["match"] as? String } == ["a@b.com"])
    }

    @Test func valueErrorsNameTheVariableAndExitTwo() throws {
        let cases: [([String], String)] = [
            ([], "parley: error: missing value for required variable 'order_id' of template 'return-authorised'"),
            (
                ["--set", "order_id=114-3941689-8779232", "--set", "ordr=1"],
                "parley: error: unknown variable 'ordr' for template 'return-authorised' (its variables: buyer_name, order_id, tracking_number)"
            ),
            (
                ["--set", "order_id=1143941689"],
                "parley: error: invalid value '1143941689' for 'order_id' of template 'return-authorised': expected an Amazon order id: 3, 7 and 7 digits joined by hyphens, such as 114-3941689-8779232"
            ),
            (
                ["--thread", "42", "--db", folder.appendingPathComponent("empty.sqlite").path],
                "parley: error: no thread T42 in the store"
            ),
        ]
        for (arguments, expected) in cases {
            let (message, status) = failure(["fill", "return-authorised", "--rules", Fixtures.rules.path] + arguments)
            #expect(message == expected)
            #expect(status == 2)
        }
        let badVars = folder.appendingPathComponent("bad.json").path
        for (contents, expected) in [
            ("[1]", "expected a JSON object of variable names and values"), ("{", "not valid JSON"),
            (#"{"order_id": true}"#, "the value of 'order_id' must be a string or a whole number"),
        ] {
            try contents.write(toFile: badVars, atomically: true, encoding: .utf8)
            let (message, status) = failure(["fill", "return-authorised", "--vars", badVars])
            #expect(message == "parley: error: \(badVars): \(expected)")
            #expect(status == 2)
        }
        try #"{"order_id": "114-3941689-8779232", "tracking_number": 12345678}"#.write(toFile: badVars, atomically: true, encoding: .utf8)
        #expect(try fill(["return-authorised", "--vars", badVars]).text.contains("tracked as 12345678."))
    }

    @Test func usageErrorsExitTwo() {
        for arguments in [
            ["template", "fill", "return-authorised", "--set", "order_id"], ["template", "fill", "x", "--set", "=1"],
            ["template", "fill", "x", "--set", "a=1", "--set", "a=2"], ["template", "list", "--category", "refunds"],
            ["template", "list", "--language", "english"], ["template", "show"], ["template", "list", "--format", "yaml"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try Parley.parseAsRoot(arguments) }
            #expect { _ = try Parley.parseAsRoot(arguments) } throws: { Parley.exitStatus(for: $0) == 2 }
        }
        #expect { _ = try Parley.parseAsRoot(["template", "fill", "x", "--set", "order_id"]) } throws: {
            Parley.message(for: $0).hasPrefix("Error: --set expects name=value, not 'order_id'.")
        }
    }

    @Test func badTemplatesFolderIsAnInputError() throws {
        let missing = folder.appendingPathComponent("nope").path
        #expect { _ = try (Parley.parseAsRoot(["template", "list", "--templates", missing]) as? Parley.Template.List)?.output() } throws: {
            Parley.message(for: $0)
                == "parley: error: no templates folder found; tried: \(missing) (use --templates DIR or PARLEY_TEMPLATES)"
                && Parley.exitStatus(for: $0) == 2
        }
        try "---\nid: x\n".write(
            toFile: folder.appendingPathComponent("templates/returns/x.en-US.mustache").path, atomically: true, encoding: .utf8)
        let (message, status) = failure(["list"])
        #expect(
            message
                == "parley: error: invalid templates: \(templates)/returns/x.en-US.mustache:3:1: the front matter has no closing '---' line"
        )
        #expect(status == 2)
    }
}
