import Foundation
import MessageLint
import ReplyTemplates
import TestSupport
import Testing

/// The guarantees the shipped library makes (issue 4): every template loads, renders with its
/// example values and lints clean; it uses exactly the variables it declares; its language
/// variants share their variables; and a value bringing in a link or an email address is caught.
@Suite struct ShippedTemplateTests {
    /// Loaded once for the parameterized tests; `shippedLibraryLoads` reports any loading error.
    static let library = try? TemplateLibrary(directory: Fixtures.templates)
    static var templates: [ReplyTemplate] { library?.templates ?? [] }

    static let filler: TemplateFiller? = {
        guard let library, let linter = try? Fixtures.shippedLinter() else { return nil }
        return TemplateFiller(library: library, linter: linter)
    }()

    @Test func shippedLibraryLoads() throws {
        let library = try TemplateLibrary(directory: Fixtures.templates)
        #expect(Set(library.templates.map(\.category)) == Set(TemplateCategory.allCases))
        for id in library.ids {
            let languages = Set(library.variants(of: id).map(\.language.rawValue))
            #expect(languages.isSuperset(of: ["en-US", "en-GB"]), "\(id) has \(languages.sorted())")
        }
    }

    @Test(arguments: templates)
    func rendersWithItsExamplesAndLintsClean(_ template: ReplyTemplate) throws {
        let filler = try #require(Self.filler)
        let reply = try filler.fill(template.id, values: TemplateValues(explicit: template.exampleValues), language: template.language)
        #expect(reply.language == template.language)
        #expect(reply.findings == [], "\(Self.describe(reply))")
        let text = reply.subject + "\n" + reply.body
        for variable in template.variables {
            #expect(text.contains(variable.example), "\(template.name): the example of '\(variable.name)' is not in the text")
        }
        #expect(!text.contains("{{") && !text.contains("}}"))
    }

    @Test(arguments: templates)
    func rendersWithOnlyTheRequiredValuesAndLintsClean(_ template: ReplyTemplate) throws {
        let filler = try #require(Self.filler)
        let required = template.exampleValues.filter { name, _ in template.variable(named: name)?.required == true }
        let reply = try filler.fill(template.id, values: TemplateValues(explicit: required), language: template.language)
        #expect(reply.findings == [], "\(Self.describe(reply))")
    }

    @Test(arguments: templates)
    func usesExactlyTheVariablesItDeclares(_ template: ReplyTemplate) {
        #expect(template.lookedUpNames == Set(template.variables.map(\.name)))
    }

    @Test(arguments: library?.ids ?? [])
    func languageVariantsShareTheirVariables(_ id: String) throws {
        let variants = try #require(Self.library).variants(of: id)
        let shapes = Set(variants.map { $0.variables.map { "\($0.name) \($0.format.rawValue) \($0.required)" }.sorted() })
        #expect(shapes.count == 1, "\(id): \(shapes)")
        #expect(Set(variants.map(\.messageType)).count == 1)
        #expect(Set(variants.map(\.category)).count == 1)
    }

    /// Every free-text variable, filled with a link or an email address, makes the fill fail.
    @Test(arguments: templates)
    func linksAndEmailAddressesInTextValuesAreCaught(_ template: ReplyTemplate) throws {
        let filler = try #require(Self.filler)
        for variable in template.variables where variable.format == .text {
            for (value, category) in [("visit www.example.com", Category.externalLink), ("email me at a@b.com", .contactInfo)] {
                var values = template.exampleValues
                values[variable.name] = value
                let reply = try filler.fill(template.id, values: TemplateValues(explicit: values), language: template.language)
                #expect(
                    (reply.subject + reply.body).contains(value), "\(template.name): '\(variable.name)' does not show with its examples")
                #expect(!reply.passed, "\(template.name): '\(value)' in '\(variable.name)' passed")
                #expect(
                    reply.findings.contains { $0.category == category && $0.severity == .error },
                    "\(template.name): '\(value)' in '\(variable.name)' gave \(reply.findings.map(\.rule))")
            }
        }
    }

    static func describe(_ reply: FilledReply) -> String {
        reply.findings.map { "\($0.field.rawValue) \($0.line):\($0.column) \($0.rule) '\($0.match)'" }.joined(separator: "; ")
    }
}

extension ReplyTemplate: CustomTestStringConvertible {
    public var testDescription: String { name }
}
