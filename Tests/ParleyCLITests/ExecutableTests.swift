import Foundation
import TestSupport
import Testing

/// The built `parley` binary as a seller runs it: from another working directory, with the shipped
/// rules and templates found without flags, and Parley's exit codes 0, 1 and 2.
@Suite struct ExecutableTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift test` builds every product; the binary sits beside the test bundle.
    static var binary: URL {
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("parley").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("parley")
    }

    /// A config home with no `parley/config.yaml` in it.
    static let noConfigHome = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tests-no-config").path

    func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PARLEY_RULES")
        env.removeValue(forKey: "PARLEY_TEMPLATES")
        // The developer's own config file and seller addresses must not change what a test sees.
        for name in ["PARLEY_CONFIG", "PARLEY_SELLER_ADDRESSES"] { env.removeValue(forKey: name) }
        env["XDG_CONFIG_HOME"] = Self.noConfigHome
        process.environment = env.merging(environment) { $1 }
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func shippedRulesWorkFromAnyDirectoryWithExitCodes() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no parley binary at \(Self.binary.path)")
        let clean = try run(["lint", "-"], stdin: "Your refund of $24.99 for order 114-3941689-8779232 has been issued.")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout == "-: no findings\n")

        let dirty = try run(["lint", "-"], stdin: "Email me at jane.doe@gmail.com", environment: ["NO_COLOR": "1"])
        #expect(dirty.status == 1)
        #expect(dirty.stdout.hasPrefix("-:1:13: error: "))
        #expect(!dirty.stdout.contains("\u{1B}["), "no colour when not a terminal")

        let usage = try run(["lint", "--format", "yaml", "-"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--format"))

        let missing = try run(["lint", "/nonexistent/draft.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "parley: error: /nonexistent/draft.txt: no such file\n")
        #expect(missing.stdout.isEmpty)

        let noRules = try run(["lint", "-"], stdin: "x", environment: ["PARLEY_RULES": "/nonexistent/rules"])
        #expect(noRules.status == 2)
        #expect(noRules.stderr.contains("no rules folder found; tried: /nonexistent/rules"))
    }

    @Test func rulesListAndExplain() throws {
        let list = try run(["rules"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("contact-info."))
        let id = try #require(list.stdout.split(separator: "\n").first.flatMap { $0.split(separator: " ").first }.map(String.init))
        let explain = try run(["rules", "explain", id])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix(id))
        #expect(explain.stdout.contains("policy:"))
        #expect(explain.stdout.contains("flags:"))
        #expect(explain.stdout.contains("passes:"))
        let unknown = try run(["rules", "explain", "contact-info.nope"])
        #expect(unknown.status == 2)
    }

    @Test func evalPrintsScoresAndConfusions() throws {
        let eval = try run(["eval", Fixtures.corpus.path])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.hasPrefix("category              precision  recall     TP   FP   FN\n"))
        for category in ["external-link", "contact-info", "promotional", "review-solicitation", "attachment", "format", "message-type"] {
            #expect(eval.stdout.contains("\n\(category) "))
        }
    }

    @Test func shippedTemplatesFillFromAnyDirectory() throws {
        let list = try run(["template", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))
        // The template's own examples, read from `show --format json`, fill it cleanly.
        let show = try run(["template", "show", id, "--format", "json"])
        #expect(show.status == 0, "\(show.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let variables = try #require(document["variables"] as? [[String: Any]])
        let sets = variables.flatMap { ["--set", "\($0["name"] as? String ?? "")=\($0["example"] as? String ?? "")"] }
        let clean = try run(["template", "fill", id] + sets)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("Subject: "))

        let missing = try run(["template", "fill", id, "--set", "no_such_variable=1"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("parley: error: unknown variable 'no_such_variable' for template '\(id)'"))

        let noTemplates = try run(["template", "list"], environment: ["PARLEY_TEMPLATES": "/nonexistent/templates"])
        #expect(noTemplates.status == 2)
        #expect(
            noTemplates.stderr
                == "parley: error: no templates folder found; tried: /nonexistent/templates (use --templates DIR or PARLEY_TEMPLATES)\n")
    }
}
