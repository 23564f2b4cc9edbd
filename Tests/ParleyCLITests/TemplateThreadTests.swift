import Foundation
import ParleyCLI
import TestSupport
import Testing

/// `parley template fill --thread`: values from a thread imported with `parley import`, the
/// weakest source, used only where the template declares them.
@Suite struct TemplateThreadTests {
    let folder: URL
    let db: String

    /// Declares every value a thread provides, so the test sees each one.
    static let threadFacts = """
        ---
        id: thread-facts
        title: Thread facts
        category: other
        when: A test needs every value a stored thread gives.
        language: en-US
        subject: "About order {{order_id}}"
        message_type: reply
        variables:
          - name: buyer_name
            description: The buyer's first name.
            default: "there"
            example: "Dana"
            format: text
          - name: order_id
            description: The Amazon order id.
            required: true
            example: "114-3941689-8779232"
            format: order-id
          - name: asin
            description: The item's ASIN.
            default: ""
            example: "B07XJ8C8F5"
            format: asin
          - name: order_date
            description: The day of the thread's first message.
            required: true
            example: "2026-03-12"
            format: date
        ---
        Hello {{buyer_name}},

        This is about order {{order_id}}, which you first wrote to us about on {{order_date}}.{{#asin}} The item is {{asin}}.{{/asin}}

        Kind regards

        """

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        db = folder.appendingPathComponent("parley.sqlite").path
        let template = folder.appendingPathComponent("templates/other/thread-facts.en-US.mustache")
        try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.threadFacts.write(to: template, atomically: true, encoding: .utf8)
    }

    func importFile(_ name: String, _ contents: String) throws {
        let path = folder.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        let command = try #require(try Parley.parseAsRoot(["import", path, "--db", db]) as? Parley.Import)
        #expect(try command.output(environment: [:]).exitCode == 0)
    }

    func fill(_ arguments: [String], templates: String = Fixtures.templates.path) throws -> CommandOutput {
        let command = try Parley.parseAsRoot(
            ["template", "fill"] + arguments + ["--db", db, "--templates", templates, "--rules", Fixtures.rules.path])
        return try #require(command as? Parley.Template.Fill).output(environment: [:])
    }

    @Test func returnAuthorisedFromAnImportedJSONLThread() throws {
        try importFile(
            "export.jsonl",
            """
            {"id": "q1", "thread": "T-1001", "order_id": "114-3941689-8779232", "from": "buyer", "at": "2026-03-01T09:30:00+01:00", "subject": "Return", "body": "The lamp flickers; can I return it?"}

            """)
        let output = try fill([
            "return-authorised", "--thread", "T1", "--set", "product=Brass Desk Lamp", "--set", "seller_name=Oakline Home",
        ])
        #expect(output.exitCode == 0, "\(output)")
        #expect(output.notes == "")
        #expect(output.text.hasPrefix("Subject: Return instructions for order 114-3941689-8779232\n\nHello there,\n"))
        #expect(output.text.contains("We have authorized the return of the Brass Desk Lamp from order 114-3941689-8779232."))
        #expect(output.text.hasSuffix("Best regards,\nOakline Home\n"))
    }

    @Test func everyThreadValueFromAmazonMailAndTheirPrecedence() throws {
        try importFile("amazon.mbox", ImportCommandTests.amazonMbox)
        let templates = folder.appendingPathComponent("templates").path
        #expect(
            try fill(["thread-facts", "--thread", "t1"], templates: templates)
                == CommandOutput(
                    text: """
                        Subject: About order 102-1111111-2222222

                        Hello Jane,

                        This is about order 102-1111111-2222222, which you first wrote to us about on 2026-03-03. The item is B0TESTASN1.

                        Kind regards

                        """))
        // --set and --vars win over the thread; the JSON names each value's source.
        let vars = folder.appendingPathComponent("vars.json").path
        try #"{"asin": "B07XJ8C8F5"}"#.write(toFile: vars, atomically: true, encoding: .utf8)
        let json = try fill(
            ["thread-facts", "--thread", "1", "--set", "buyer_name=Janet", "--vars", vars, "--format", "json"], templates: templates)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(
            document["values"] as? [String: String] == [
                "buyer_name": "Janet", "order_id": "102-1111111-2222222", "asin": "B07XJ8C8F5", "order_date": "2026-03-03",
            ])
        #expect(
            document["sources"] as? [String: String] == [
                "buyer_name": "explicit", "order_id": "thread", "asin": "file", "order_date": "thread",
            ])
        // A template that declares none of asin and order_date takes the rest and ignores them.
        let shipped = try fill([
            "return-authorised", "--thread", "T1", "--set", "product=Blue Test Widget", "--set", "seller_name=Oakline Home",
        ])
        #expect(shipped.exitCode == 0)
        #expect(shipped.text.contains("Hello Jane,\n"))
    }

    @Test func unknownThreadIsAnInputError() throws {
        try importFile("amazon.mbox", ImportCommandTests.amazonMbox)
        do {
            _ = try fill(["return-authorised", "--thread", "T7", "--set", "product=Lamp", "--set", "seller_name=Shop"])
            Issue.record("T7 filled")
        } catch {
            #expect(Parley.message(for: error) == "parley: error: no thread T7 in the store")
            #expect(Parley.exitStatus(for: error) == 2)
        }
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["template", "fill", "return-authorised", "--thread", "M1"]) }
    }

    @Test func aCoUkBuyerGetsTheEnGBVariant() throws {
        let ukMail = ImportCommandTests.amazonMessage(
            id: "uk1", date: "Tue, 03 Mar 2026 14:05:00 +0000", envelope: "Tue Mar  3 14:05:00 2026",
            text: "The kettle arrived dented; can I send it back?"
        ).replacingOccurrences(of: "marketplace.amazon.com", with: "marketplace.amazon.co.uk")
        try importFile("uk.mbox", ukMail)
        let arguments = [
            "return-authorised", "--thread", "T1", "--set", "seller_name=Oak and Iron", "--set", "product=Copper Kettle",
            "--set", "return_by=2026-03-20", "--format", "json",
        ]
        let output = try fill(arguments)
        #expect(output.exitCode == 0, "\(output.text)")
        #expect(output.text.contains("\"language\" : \"en-GB\""), "\(output.text)")
        let american = try fill(arguments + ["--language", "en-US"])
        #expect(american.text.contains("\"language\" : \"en-US\""))
    }
}
