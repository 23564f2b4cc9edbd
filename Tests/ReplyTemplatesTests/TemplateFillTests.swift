import Foundation
import MessageLint
import ReplyTemplates
import TestSupport
import Testing

/// Filling checks every value before rendering, renders plain text and lints the result with the
/// shipped rules.
@Suite struct TemplateFillTests {
    let filler: TemplateFiller

    init() throws {
        let templates = try [
            TemplateFixtures.parse(TemplateFixtures.returnAuthorised),
            TemplateFixtures.parse(TemplateFixtures.variant("en-US", greeting: "Hi"), file: "en-US"),
            TemplateFixtures.parse(TemplateFixtures.variant("de-DE", greeting: "Hallo"), file: "de-DE"),
        ]
        filler = TemplateFiller(library: try TemplateLibrary(templates: templates), linter: try Fixtures.shippedLinter())
    }

    func fill(
        _ explicit: [String: String], file: [String: String] = [:], thread: [String: String] = [:], language: String? = "en-GB"
    ) throws -> FilledReply {
        try filler.fill(
            "return-authorised", values: TemplateValues(explicit: explicit, file: file, thread: thread),
            language: language.flatMap { LanguageTag($0) })
    }

    func fillError(_ explicit: [String: String], file: [String: String] = [:], thread: [String: String] = [:]) -> String? {
        do {
            _ = try fill(explicit, file: file, thread: thread)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func fillsRendersAndLintsClean() throws {
        let reply = try fill(["order_id": "114-3941689-8779232", "buyer_name": "Dana", "tracking_number": "1Z999AA10123456784"])
        #expect(reply.subject == "Your return for order 114-3941689-8779232")
        #expect(
            reply.body == """
                Hello Dana,

                We have authorised the return for order 114-3941689-8779232.

                Your return is tracked as 1Z999AA10123456784.

                Kind regards
                """)
        #expect(reply.messageType == .reply)
        #expect(reply.findings == [])
        #expect(reply.passed)
        #expect(reply.language.rawValue == "en-GB")
        #expect(reply.languageMatch == .exact)
        #expect(reply.languageNote == nil)
    }

    @Test func defaultsApplyAndEmptySectionsLeaveOneBlankLine() throws {
        let reply = try fill(["order_id": "114-3941689-8779232"])
        #expect(reply.body == "Hello there,\n\nWe have authorised the return for order 114-3941689-8779232.\n\nKind regards")
        #expect(reply.values == ["order_id": "114-3941689-8779232", "buyer_name": "there", "tracking_number": ""])
        #expect(reply.sources == ["order_id": .explicit])
    }

    @Test func explicitValuesWinOverFileValuesOverThreadValues() throws {
        let reply = try fill(
            ["buyer_name": "Sam", "tracking_number": ""],
            file: ["buyer_name": "Dana", "order_id": "114-3941689-8779232"],
            thread: ["buyer_name": "D.", "order_id": "204-7731590-4418362", "tracking_number": "1Z999AA10123456784", "asin": "B07XJ8C8F5"])
        #expect(reply.values == ["buyer_name": "Sam", "order_id": "114-3941689-8779232", "tracking_number": "1Z999AA10123456784"])
        #expect(reply.sources == ["buyer_name": .explicit, "order_id": .file, "tracking_number": .thread])
        #expect(reply.body.hasPrefix("Hello Sam,\n\nWe have authorised the return for order 114-3941689-8779232."))
    }

    @Test func missingRequiredValue() {
        #expect(fillError([:]) == "missing value for required variable 'order_id' of template 'return-authorised'")
        #expect(fillError(["order_id": ""]) == "missing value for required variable 'order_id' of template 'return-authorised'")
        #expect(throws: TemplateFillError.missingValues(template: "return-authorised", variables: ["order_id"])) {
            try fill(["buyer_name": "Dana"])
        }
    }

    @Test func unknownVariables() {
        #expect(
            fillError(["order_id": "114-3941689-8779232", "ordr_id": "1"])
                == "unknown variable 'ordr_id' for template 'return-authorised' (its variables: buyer_name, order_id, tracking_number)")
        #expect(
            fillError(["order_id": "114-3941689-8779232"], file: ["name": "Dana", "asin": "B07XJ8C8F5"])
                == "unknown variables 'asin' and 'name' (from the values file) for template 'return-authorised' (its variables: buyer_name, order_id, tracking_number)"
        )
    }

    @Test func badFormats() {
        #expect(
            fillError(["order_id": "114-39416-8779232"])
                == "invalid value '114-39416-8779232' for 'order_id' of template 'return-authorised': expected an Amazon order id: 3, 7 and 7 digits joined by hyphens, such as 114-3941689-8779232"
        )
        #expect(
            fillError([:], thread: ["order_id": "D01-1234567-1234567"])
                == "invalid value 'D01-1234567-1234567' for 'order_id' (from the thread) of template 'return-authorised': expected an Amazon order id: 3, 7 and 7 digits joined by hyphens, such as 114-3941689-8779232"
        )
        #expect(
            fillError(["order_id": "114-3941689-8779232", "buyer_name": "Dana\nP.S. call me"])
                == "invalid value 'Dana⏎P.S. call me' for 'buyer_name' of template 'return-authorised': expected one line of text, at most 200 characters"
        )
        #expect(
            throws: TemplateFillError.badFormat(
                template: "return-authorised", variable: "tracking_number", value: "1Z", format: .trackingNumber, source: .explicit)
        ) { try fill(["order_id": "114-3941689-8779232", "tracking_number": "1Z"]) }
    }

    @Test func valuesAreNeverHTMLEscaped() throws {
        let name = #"Fish & Chips <3 "Ltd" 'UK'"#
        let reply = try fill(["order_id": "114-3941689-8779232", "buyer_name": name])
        #expect(reply.body.hasPrefix("Hello \(name),\n"))
        #expect(!reply.body.contains("&amp;") && !reply.body.contains("&lt;") && !reply.body.contains("&quot;"))
        #expect(reply.passed)
    }

    @Test(arguments: [
        ("visit www.example.com", "external-link.url", "www.example.com"),
        ("email me at a@b.com", "contact-info.email-address", "a@b.com"),
    ])
    func prohibitedContentInAValueIsCaught(value: String, rule: String, match: String) throws {
        let reply = try fill(["order_id": "114-3941689-8779232", "buyer_name": value])
        #expect(!reply.passed)
        #expect(reply.findings.map(\.rule) == [rule])
        #expect(reply.findings.map(\.match) == [match])
        #expect(reply.findings.map(\.severity) == [.error])
        #expect(reply.variables(behind: reply.findings[0]) == ["buyer_name"])
    }

    @Test func languageVariantChoice() throws {
        let cases: [(String?, String, LanguageMatch, String?)] = [
            (nil, "en-US", .default, nil),
            ("en-GB", "en-GB", .exact, nil),
            ("de-DE", "de-DE", .exact, nil),
            ("en-AU", "en-GB", .sameLanguage, "return-authorised has no en-AU variant; using en-GB"),
            ("en-CA", "en-GB", .sameLanguage, "return-authorised has no en-CA variant; using en-GB"),
            ("en", "en-US", .sameLanguage, "return-authorised has no en variant; using en-US"),
            ("de-AT", "de-DE", .sameLanguage, "return-authorised has no de-AT variant; using de-DE"),
            ("fr-FR", "en-US", .fallback, "return-authorised has no fr-FR variant; using en-US"),
        ]
        for (requested, used, match, note) in cases {
            let reply = try fill(["order_id": "114-3941689-8779232"], language: requested)
            #expect(reply.language.rawValue == used, "\(requested ?? "nil")")
            #expect(reply.languageMatch == match, "\(requested ?? "nil")")
            #expect(reply.languageNote == note, "\(requested ?? "nil")")
            #expect(reply.requestedLanguage?.rawValue == requested)
        }
        let german = try fill(["order_id": "114-3941689-8779232"], language: "de-DE")
        #expect(german.body.hasPrefix("Hallo there,"))
    }

    @Test func onlyBritishEnglishFallsBackToIt() throws {
        let library = try TemplateLibrary(templates: [TemplateFixtures.parse(TemplateFixtures.returnAuthorised)])
        #expect(try library.choose("return-authorised", language: nil).template.language.rawValue == "en-GB")
        #expect(try library.choose("return-authorised", language: nil).note == "using the en-GB variant of return-authorised")
        #expect(try library.choose("return-authorised", language: LanguageTag("en-US")).match == .sameLanguage)
        #expect(try library.choose("return-authorised", language: LanguageTag("ja-JP")).match == .fallback)
    }

    @Test func unknownTemplateSuggestsCloseIDs() {
        #expect(throws: TemplateFillError.unknownTemplate("retrun-authorised", suggestions: ["return-authorised"])) {
            try filler.fill("retrun-authorised", values: TemplateValues())
        }
        #expect(
            TemplateFillError.unknownTemplate("retrun-authorised", suggestions: ["return-authorised"]).description
                == "unknown template 'retrun-authorised'; did you mean 'return-authorised'?")
        #expect(TemplateFillError.unknownTemplate("refund", suggestions: []).description == "unknown template 'refund'")
    }

    @Test func theMessageTypesLengthLimitApplies() throws {
        let text = TemplateFixtures.returnAuthorised.replacingOccurrences(
            of: "message_type: reply", with: "message_type: createDigitalAccessKey"
        )
        .replacingOccurrences(of: "Kind regards", with: "Kind regards,\n\(String(repeating: "The key is on the order page. ", count: 9))")
        let library = try TemplateLibrary(templates: [TemplateFixtures.parse(text)])
        let filler = TemplateFiller(library: library, linter: try Fixtures.shippedLinter())
        let short = try filler.fill("return-authorised", values: TemplateValues(explicit: ["order_id": "114-3941689-8779232"]))
        #expect(short.body.unicodeScalars.count == 360)
        #expect(short.passed)
        let long = try filler.fill(
            "return-authorised",
            values: TemplateValues(explicit: [
                "order_id": "114-3941689-8779232", "buyer_name": String(repeating: "Dana ", count: 9) + "Dana",
            ]))
        #expect(long.findings.map(\.rule) == ["format.sp-api-length"])
        #expect(
            long.findings.first?.message
                == "The text is too long for this SP-API operation (404 characters, over the 400-character limit of createDigitalAccessKey); Amazon rejects longer text."
        )
        #expect(!long.passed)
    }

    @Test func probeFindsNamesInNestedSectionsOfBothKinds() throws {
        let text = TemplateFixtures.returnAuthorised.replacingOccurrences(
            of: "{{#tracking_number}}\nYour return is tracked as {{tracking_number}}.\n{{/tracking_number}}",
            with:
                "{{#tracking_number}}\n{{^buyer_name}}Tracked: {{order_id}}{{/buyer_name}}\n{{/tracking_number}}\n{{^tracking_number}}{{#buyer_name}}x{{/buyer_name}}{{/tracking_number}}"
        ).replacingOccurrences(of: "Hello {{buyer_name}},", with: "Hello,").replacingOccurrences(of: "order {{order_id}}.", with: "order.")
            .replacingOccurrences(of: "subject: \"Your return for order {{order_id}}\"", with: "subject: Your return")
        let template = try TemplateFixtures.parse(text)
        #expect(template.lookedUpNames == ["tracking_number", "buyer_name", "order_id"])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let reply = try fill(["order_id": "114-3941689-8779232"], language: "en-AU")
        let data = Data(JSONReporter.encode(reply).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "version", "template", "language", "requested_language", "language_match", "message_type", "subject", "body", "values",
                "sources", "findings", "summary", "passed",
            ])
        #expect(json["version"] as? Int == 1)
        #expect(json["language"] as? String == "en-GB")
        #expect(json["requested_language"] as? String == "en-AU")
        #expect(json["language_match"] as? String == "same-language")
        #expect(json["message_type"] as? String == "reply")
        #expect(json["sources"] as? [String: String] == ["order_id": "explicit"])
        #expect(json["summary"] as? [String: Int] == ["errors": 0, "warnings": 0, "infos": 0])
        #expect(json["passed"] as? Bool == true)
    }
}
