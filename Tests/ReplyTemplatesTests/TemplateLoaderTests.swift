import Foundation
import MessageLint
import ReplyTemplates
import TestSupport
import Testing

/// Loading stops at the first problem with `file:line:column`, the template id, and a clear message.
@Suite struct TemplateLoaderTests {
    let valid = TemplateFixtures.returnAuthorised

    func loadError(_ text: String) -> String? {
        do {
            _ = try TemplateFixtures.parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "fixture lacks \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }

    static let prefix = "templates/returns/return-authorised.en-GB.mustache:"

    @Test func validTemplateLoads() throws {
        let template = try TemplateFixtures.parse(valid)
        #expect(template.id == "return-authorised")
        #expect(template.title == "Return authorised")
        #expect(template.category == .returns)
        #expect(template.language == LanguageTag("en-GB"))
        #expect(template.messageType == .reply)
        #expect(template.subjectSource == "Your return for order {{order_id}}")
        #expect(template.variables.map(\.name) == ["buyer_name", "order_id", "tracking_number"])
        #expect(template.variables.map(\.required) == [false, true, false])
        #expect(template.variables.map(\.defaultValue) == ["there", nil, ""])
        #expect(template.variables.map(\.format) == [.text, .orderID, .trackingNumber])
        #expect(template.variables[1].location == SourceLocation(file: TemplateFixtures.file, line: 15, column: 11))
        #expect(template.location == SourceLocation(file: TemplateFixtures.file, line: 2, column: 1))
        #expect(template.bodySource.hasPrefix("Hello {{buyer_name}},\n\nWe have"))
        #expect(template.lookedUpNames == ["buyer_name", "order_id", "tracking_number"])
    }

    @Test func frontMatterIsRequired() {
        #expect(
            loadError("Hello {{buyer_name}}\n")
                == Self.prefix + "1:1: a template starts with YAML front matter between '---' lines (templates/README.md)")
        #expect(loadError("---\nid: x\n") == Self.prefix + "3:1: the front matter has no closing '---' line")
        #expect(loadError("---\n---\nHello\n") == Self.prefix + "1:1: the front matter is empty")
        let frontMatterOnly = String(valid[..<valid.range(of: "---\nHello")!.upperBound].dropLast(5)) + "\n\n"
        #expect(loadError(frontMatterOnly) == Self.prefix + "26:1: return-authorised: the template has no body after its front matter")
    }

    @Test func malformedYAML() {
        #expect(
            loadError(replacing("title: Return authorised", with: "title: [Return"))
                == Self.prefix + "4:9: malformed YAML: while parsing a flow sequence, did not find expected ',' or ']'")
    }

    @Test func unknownKeys() {
        #expect(
            loadError(replacing("title: Return", with: "titel: Return"))
                == Self.prefix
                + "3:1: return-authorised: unknown key 'titel' in the front matter (expected one of id, title, category, when, language, subject, message_type, variables)"
        )
        #expect(
            loadError(replacing("    format: order-id", with: "    format: order-id\n    fromat: text"))
                == Self.prefix
                + "20:5: return-authorised: unknown key 'fromat' in a variable (expected one of name, description, required, default, example, format)"
        )
    }

    @Test func missingKeys() {
        #expect(
            loadError(replacing("when: The buyer asked to return an item and you authorised it.\n", with: ""))
                == Self.prefix + "2:1: return-authorised: missing required key 'when'")
        #expect(
            loadError(replacing("message_type: reply\n", with: ""))
                == Self.prefix + "2:1: return-authorised: missing required key 'message_type'")
        #expect(
            loadError(replacing("    description: The Amazon order id.\n", with: ""))
                == Self.prefix + "15:5: return-authorised: missing required key 'description'")
        #expect(
            loadError(replacing("    example: \"114-3941689-8779232\"\n", with: ""))
                == Self.prefix
                + "15:5: return-authorised: variable 'order_id' needs an 'example' value (the tests fill every template with its examples)")
        #expect(
            loadError(replacing("title: Return authorised", with: "title: \"\"")) == Self.prefix
                + "3:8: return-authorised: 'title' must not be empty")
    }

    @Test func badValues() {
        #expect(
            loadError(replacing("category: returns", with: "category: refunds"))
                == Self.prefix
                + "4:11: return-authorised: unknown category 'refunds' (expected returns, feedback, delivery, order, customisation or other)"
        )
        #expect(
            loadError(replacing("language: en-GB", with: "language: en_gb"))
                == Self.prefix
                + "6:11: return-authorised: language 'en_gb' is not a BCP 47 tag such as en-US or en-GB (language lower case, region upper case)"
        )
        #expect(
            loadError(replacing("message_type: reply", with: "message_type: email"))
                == Self.prefix
                + "8:15: return-authorised: unknown message type 'email' (expected reply, proactive, confirmCustomizationDetails, createConfirmDeliveryDetails, createConfirmOrderDetails, createConfirmServiceDetails, createUnexpectedProblem, createDigitalAccessKey, createLegalDisclosure, CreateWarranty, sendInvoice)"
        )
        #expect(
            loadError(replacing("message_type: reply", with: "message_type: sendInvoice"))
                == Self.prefix
                + "8:15: return-authorised: message type 'sendInvoice' sends no text (POLICY.md §5.2), so it cannot carry a template")
        #expect(
            loadError(replacing("id: return-authorised", with: "id: Return_Authorised"))
                == Self.prefix
                + "2:5: Return_Authorised: template id 'Return_Authorised' must be lower-case words joined by hyphens, such as return-authorised"
        )
        #expect(
            loadError(replacing("    format: order-id", with: "    format: phone"))
                == Self.prefix
                + "19:13: return-authorised: unknown format 'phone' for variable 'order_id' (expected order-id, asin, date, money, tracking-number, number or text)"
        )
        #expect(
            loadError(replacing("example: \"114-3941689-8779232\"", with: "example: \"114-394\""))
                == Self.prefix
                + "18:14: return-authorised: example '114-394' of variable 'order_id' is not an Amazon order id: 3, 7 and 7 digits joined by hyphens, such as 114-3941689-8779232"
        )
        #expect(
            loadError(replacing("  - name: order_id", with: "  - name: OrderID"))
                == Self.prefix + "15:11: return-authorised: variable name 'OrderID' must be lower_snake_case, such as order_id")
        #expect(
            loadError(replacing("    required: true", with: "    required: yes please"))
                == Self.prefix + "17:15: return-authorised: 'required' must be true or false")
    }

    @Test func requiredOrDefault() {
        #expect(
            loadError(replacing("    required: true\n", with: ""))
                == Self.prefix
                + "15:5: return-authorised: variable 'order_id' needs 'required: true' or a 'default' (\"\" leaves its optional sections out)"
        )
        #expect(
            loadError(replacing("    required: true\n", with: "    required: false\n"))
                == Self.prefix
                + "15:5: return-authorised: variable 'order_id' needs 'required: true' or a 'default' (\"\" leaves its optional sections out)"
        )
        #expect(
            loadError(replacing("    required: true\n", with: "    required: true\n    default: \"114-3941689-8779232\"\n"))
                == Self.prefix + "18:14: return-authorised: variable 'order_id' is required and has a default; keep one")
        #expect(
            loadError(replacing("default: \"there\"", with: "default: \"\(String(repeating: "x", count: 201))\""))
                == Self.prefix
                + "12:14: return-authorised: default '\(String(repeating: "x", count: 201))' of variable 'buyer_name' is not one line of text, at most 200 characters"
        )
    }

    @Test func duplicateVariable() {
        let duplicate = """
              - name: order_id
                description: Again.
                required: true
                example: "114-3941689-8779232"
                format: order-id
            ---
            """
        #expect(
            loadError(replacing("---\nHello", with: duplicate + "\nHello"))
                == Self.prefix + "25:11: return-authorised: variable 'order_id' is declared twice (first at 15:11)")
    }

    @Test func variablesUsedAndDeclaredMustMatch() {
        #expect(
            loadError(replacing("authorised the return for order {{order_id}}", with: "authorised the return for order {{ordr_id}}"))
                == Self.prefix + "28:41: return-authorised: variable 'ordr_id' is used but not declared under 'variables'")
        #expect(
            loadError(replacing("subject: \"Your return for order {{order_id}}\"", with: "subject: \"Your return for {{order}}\""))
                == Self.prefix + "7:27: return-authorised: variable 'order' is used but not declared under 'variables'")
        #expect(
            loadError(replacing("subject: \"Your return for order {{order_id}}\"", with: "subject: Return {{product}}"))
                == Self.prefix + "7:17: return-authorised: variable 'product' is used but not declared under 'variables'")
        #expect(
            loadError(replacing("Hello {{buyer_name}},", with: "Hello,"))
                == Self.prefix + "10:11: return-authorised: variable 'buyer_name' is declared but used in neither the subject nor the body")
    }

    @Test func unsupportedAndMalformedTags() {
        #expect(
            loadError(replacing("Kind regards", with: "{{> signature}}"))
                == Self.prefix
                + "34:1: return-authorised: partials ('{{> signature}}') are not supported: each template is one self-contained file")
        #expect(
            loadError(replacing("Hello {{buyer_name}},", with: "{{%CONTENT_TYPE: HTML}}\nHello {{buyer_name}},"))
                == Self.prefix
                + "26:1: return-authorised: pragmas ('{{%CONTENT_TYPE: HTML}}') are not supported: templates always render as plain text")
        #expect(
            loadError(replacing("Hello {{buyer_name}},", with: "{{=<% %>=}}Hello {{buyer_name}},"))
                == Self.prefix + "26:1: return-authorised: changing the delimiters ('{{=<% %>=}}') is not supported")
        #expect(
            loadError(replacing("Hello {{buyer_name}},", with: "Hello {{buyer.name}},"))
                == Self.prefix
                + "26:7: return-authorised: '{{buyer.name}}' is not a variable tag: names are lower_snake_case, such as {{order_id}}")
        #expect(
            loadError(replacing("{{/tracking_number}}", with: ""))
                == Self.prefix + "30:1: return-authorised: '{{#tracking_number}}' is never closed with '{{/tracking_number}}'")
        #expect(
            loadError(replacing("{{/tracking_number}}", with: "{{/order_id}}"))
                == Self.prefix
                + "32:1: return-authorised: '{{/order_id}}' does not close the open section '{{#tracking_number}}'")
        #expect(
            loadError(replacing("Kind regards", with: "Kind {{/regards}}"))
                == Self.prefix + "34:6: return-authorised: '{{/regards}}' closes no open section")
        #expect(
            loadError(replacing("Kind regards", with: "Kind {{regards"))
                == Self.prefix + "34:6: return-authorised: '{{' is never closed with '}}'")
    }

    @Test func commentsAndTripleBracesAreFine() throws {
        let text = replacing("Hello {{buyer_name}},", with: "{{! a note\nover two lines }}Hello {{{buyer_name}}} {{& order_id}},")
        let template = try TemplateFixtures.parse(text)
        #expect(template.render(template.exampleValues).body.hasPrefix("Hello Dana 114-3941689-8779232,\n"))
    }

    // MARK: Folders

    @Test func missingOrEmptyFolderIsAnError() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/templates")
        #expect(
            throws: TemplateLoadingError(
                location: SourceLocation(file: missing.path, line: 0, column: 0), message: "no templates folder here")
        ) {
            try TemplateLibrary(directory: missing)
        }
        let empty = try TemplateFixtures.folder(["README.md": "# Templates\n"])
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(
            throws: TemplateLoadingError(
                location: SourceLocation(file: empty.path, line: 0, column: 0), message: "no templates (*.mustache) in this folder")
        ) {
            try TemplateLibrary(directory: empty)
        }
    }

    func folderError(_ files: [String: String]) throws -> (String, URL) {
        let folder = try TemplateFixtures.folder(files)
        do {
            _ = try TemplateLibrary(directory: folder)
            return ("loaded", folder)
        } catch {
            return (error.description, folder)
        }
    }

    @Test func loadsRecursivelyAndSkipsMarkdownAndHiddenFiles() throws {
        let folder = try TemplateFixtures.folder([
            "README.md": "# x", "returns/.draft.swp": "junk", "returns/return-authorised.en-GB.mustache": valid,
            "returns/return-authorised.en-US.mustache": TemplateFixtures.variant("en-US"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let library = try TemplateLibrary(directory: folder)
        #expect(library.ids == ["return-authorised"])
        #expect(library.variants(of: "return-authorised").map(\.language.rawValue) == ["en-GB", "en-US"])
        #expect(library.templates[0].location.file == folder.path + "/returns/return-authorised.en-GB.mustache")
    }

    @Test func fileNamesAndFoldersMustMatchTheFrontMatter() throws {
        let (wrongFolder, f1) = try folderError(["feedback/return-authorised.en-GB.mustache": valid])
        #expect(
            wrongFolder
                == "\(f1.path)/feedback/return-authorised.en-GB.mustache:4:11: return-authorised: category 'returns' does not match the folder 'feedback/' the file is in"
        )
        let (wrongName, f2) = try folderError(["returns/return-authorised.mustache": valid])
        #expect(
            wrongName
                == "\(f2.path)/returns/return-authorised.mustache:2:5: return-authorised: the file of template 'return-authorised' in en-GB must be named return-authorised.en-GB.mustache, not return-authorised.mustache"
        )
        let (topLevel, f3) = try folderError(["return-authorised.en-GB.mustache": valid])
        #expect(
            topLevel
                == "\(f3.path)/return-authorised.en-GB.mustache:0:0: a template belongs in its category's folder: <category>/return-authorised.en-GB.mustache"
        )
        let (typo, f4) = try folderError(["returns/return-authorised.en-GB.mustach": valid])
        #expect(
            typo
                == "\(f4.path)/returns/return-authorised.en-GB.mustach:0:0: not a template (template files end in .mustache; see templates/README.md)"
        )
        for folder in [f1, f2, f3, f4] { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func duplicateLanguageOfOneTemplate() throws {
        let (message, folder) = try folderError([
            "returns/return-authorised.en-GB.mustache": valid, "returns/old/return-authorised.en-GB.mustache": valid,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            message
                == "\(folder.path)/returns/return-authorised.en-GB.mustache:2:1: return-authorised: a second en-GB template (first defined at \(folder.path)/returns/old/return-authorised.en-GB.mustache:2:1)"
        )
    }

    @Test func languageVariantsMustAgree() throws {
        let extra = TemplateFixtures.variant("en-US").replacingOccurrences(of: "  - name: tracking_number", with: "  - name: tracking_code")
            .replacingOccurrences(of: "tracking_number}}", with: "tracking_code}}")
        let (different, f1) = try folderError([
            "returns/return-authorised.en-GB.mustache": valid, "returns/return-authorised.en-US.mustache": extra,
        ])
        #expect(
            different
                == "\(f1.path)/returns/return-authorised.en-US.mustache:20:11: return-authorised: variable 'tracking_code' is not declared in the en-GB variant (\(f1.path)/returns/return-authorised.en-GB.mustache)"
        )
        let optional = TemplateFixtures.variant("en-US").replacingOccurrences(
            of: "    required: true\n    example: \"114", with: "    default: \"\"\n    example: \"114")
        let (requiredness, f2) = try folderError([
            "returns/return-authorised.en-GB.mustache": valid, "returns/return-authorised.en-US.mustache": optional,
        ])
        #expect(
            requiredness
                == "\(f2.path)/returns/return-authorised.en-US.mustache:15:11: return-authorised: variable 'order_id' is optional order-id here but required order-id in the en-GB variant (\(f2.path)/returns/return-authorised.en-GB.mustache)"
        )
        let fewer = TemplateFixtures.variant("en-US").replacingOccurrences(
            of: "{{#tracking_number}}\nYour return is tracked as {{tracking_number}}.\n{{/tracking_number}}\n", with: ""
        ).replacingOccurrences(
            of:
                "  - name: tracking_number\n    description: The return's tracking number, if any.\n    default: \"\"\n    example: \"1Z999AA10123456784\"\n    format: tracking-number\n",
            with: "")
        let (missing, f3) = try folderError([
            "returns/return-authorised.en-GB.mustache": valid, "returns/return-authorised.en-US.mustache": fewer,
        ])
        #expect(
            missing
                == "\(f3.path)/returns/return-authorised.en-US.mustache:2:1: return-authorised: variable 'tracking_number' of the en-GB variant is not declared here (\(f3.path)/returns/return-authorised.en-GB.mustache)"
        )
        let proactive = TemplateFixtures.variant("en-US").replacingOccurrences(of: "message_type: reply", with: "message_type: proactive")
        let (type, f4) = try folderError([
            "returns/return-authorised.en-GB.mustache": valid, "returns/return-authorised.en-US.mustache": proactive,
        ])
        #expect(
            type
                == "\(f4.path)/returns/return-authorised.en-US.mustache:2:1: return-authorised: message type 'proactive' differs from the en-GB variant's 'reply' (\(f4.path)/returns/return-authorised.en-GB.mustache)"
        )
        for folder in [f1, f2, f3, f4] { try? FileManager.default.removeItem(at: folder) }
    }
}
