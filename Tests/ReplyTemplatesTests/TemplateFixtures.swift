import Foundation
import ReplyTemplates
import TestSupport
import Testing

/// Small templates written for the tests, so expected output does not move when the shipped
/// library is edited.
enum TemplateFixtures {
    /// A valid en-GB template; line numbers matter to the loader tests.
    static let returnAuthorised = TemplateSamples.returnAuthorised

    static let file = "templates/returns/return-authorised.en-GB.mustache"

    /// The same template in another language, with its own words.
    static func variant(_ language: String, greeting: String = "Hi") -> String {
        returnAuthorised.replacingOccurrences(of: "language: en-GB", with: "language: \(language)")
            .replacingOccurrences(of: "Hello {{buyer_name}}", with: "\(greeting) {{buyer_name}}")
    }

    static func parse(_ text: String, file: String = file) throws -> ReplyTemplate {
        try TemplateLibrary.parse(text, file: file)
    }

    /// Writes `files` (relative path → contents) into a new temporary folder.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }
}
