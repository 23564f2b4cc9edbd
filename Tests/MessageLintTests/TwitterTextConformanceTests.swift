import Foundation
import MessageLint
import TestSupport
import Testing
import Yams

/// twitter-text's public URL conformance cases (../shared/fixtures/urls/twitter-text). A message
/// linter is stricter than a tweet parser: every case that contains a link outside Amazon must be
/// flagged as an external link. No case is excluded.
@Suite struct TwitterTextConformanceTests {
    struct Case {
        var text: String
        var description: String
    }

    static let folder = Fixtures.shared.appendingPathComponent("fixtures/urls/twitter-text")

    static func cases(file: String, section: String, where isLink: (Any?) -> Bool) throws -> [Case] {
        let yaml = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let tests = try #require(root["tests"] as? [String: Any])
        let list = try #require(tests[section] as? [[String: Any]])
        return list.filter { isLink($0["expected"]) }.compactMap { item in
            (item["text"] as? String).map { Case(text: $0, description: item["description"] as? String ?? "") }
        }
    }

    static func linkCases() throws -> [Case] {
        let extracted = try cases(file: "extract.yml", section: "urls") { ($0 as? [Any])?.isEmpty == false }
        let validated = try cases(file: "validate.yml", section: "urls") { ($0 as? Bool) == true }
        return extracted + validated
    }

    @Test func atLeast95PercentOfLinksAreFlagged() throws {
        let linter = try Fixtures.shippedLinter()
        let cases = try Self.linkCases()
        #expect(cases.count >= 80)
        let missed = cases.filter { item in
            !linter.lint(Draft(body: item.text)).contains { $0.category == .externalLink }
        }
        let rate = Double(cases.count - missed.count) / Double(cases.count)
        #expect(rate >= 0.95, "flagged \(cases.count - missed.count) of \(cases.count); missed: \(missed.map(\.text))")
    }

    @Test func nonLinksInTheFixturesAreNotExternalLinks() throws {
        let linter = try Fixtures.shippedLinter()
        for text in [
            "long.test.tar.bz2 test.tar.bz2 tar.bz2", "john.doe.gov@mail.com", "john.doe.jp@mail.com",
            "Email me at name.al-lastname@foo.com or name.al+lastname@foo.com",
        ] {
            let links = linter.lint(Draft(body: text)).filter { $0.category == .externalLink }
            #expect(links.isEmpty, "\(text): \(links.map(\.match))")
        }
    }
}
