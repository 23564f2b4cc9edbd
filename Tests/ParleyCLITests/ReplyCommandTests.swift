import Foundation
import MessageStore
import ParleyCLI
import TestSupport
import Testing

/// `parley reply` in process: refusal (exit 1), forcing with a reason, the audit log, and the
/// `.eml` it writes.
@Suite struct ReplyCommandTests {
    let fixture: StoreCommandFixture
    let clock: FixedClock
    let rules: String

    init() throws {
        fixture = try StoreCommandFixture()
        clock = FixedClock(now: fixture.t0 + 30 * StoreCommandFixture.hour)
        let rulesFolder = fixture.folder.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rulesFolder, withIntermediateDirectories: true)
        try LintCommandTests.rules.write(to: rulesFolder.appendingPathComponent("test.yaml"), atomically: true, encoding: .utf8)
        rules = rulesFolder.path
    }

    func draft(_ name: String, _ text: String) throws -> String {
        let path = fixture.folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func reply(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandOutput {
        try fixture.command(Parley.Reply.self, ["reply"] + arguments + ["--rules", rules]).output(clock: clock, environment: environment)
    }

    func messageCount(thread: Int64) throws -> Int {
        try AppDatabase.onDisk(path: fixture.path).conversation(threadID: thread, asOf: .distantFuture).messages.count
    }

    @Test func aDraftWithErrorsIsRefusedWithExitOne() throws {
        let path = try draft("bad.txt", "Sorry!\nWrite to jo@shop.example\n")
        let output = try reply(["T1", "--file", path])
        #expect(output.exitCode == 1)
        #expect(
            output.text == """
                \(path):2:10: error: Remove the email address 'jo@shop.example'. [contact-info.email]
                    Write to jo@shop.example
                             ^~~~~~~~~~~~~~~
                    suggestion: Ask the buyer to reply through Amazon's messaging.
                \(path): 1 error, 0 warnings, 0 infos
                Not recorded: 1 error. Fix the draft, or record it anyway with --force --reason TEXT.

                """)
        #expect(try messageCount(thread: 1) == 3)
    }

    @Test func forcingNeedsAReasonAndIsAudited() throws {
        let path = try draft("bad.txt", "Write to jo@shop.example")
        for arguments in [
            ["T1", "--file", path, "--force"], ["T1", "--file", path, "--force", "--reason", " "], ["T1", "--file", path, "--reason", "x"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { try Parley.parseAsRoot(["reply"] + arguments) }
        }
        let output = try reply([
            "T1", "--file", path, "--force", "--reason", "Buyer asked for the warranty desk", "--at", "2026-03-03T15:00:00Z",
        ])
        #expect(output.exitCode == 0)
        #expect(
            output.text.hasSuffix(
                """
                Recorded M8 in T1 at 2026-03-03 15:00:00 UTC.
                Forced past contact-info.email; audit entry A1: Buyer asked for the warranty desk

                """))
        let audit = try AppDatabase.onDisk(path: fixture.path).auditLog()
        #expect(audit.map(\.reason) == ["Buyer asked for the warranty desk"])
        #expect(audit.map(\.messageId) == [8])
        let inbox = try fixture.command(Parley.Inbox.self, ["inbox"]).output(clock: clock).text
        #expect(inbox.hasPrefix("1 thread waiting"))
    }

    @Test func emlIsAThreadedEmailToTheRelay() throws {
        let path = try draft("ok.txt", "Hi Sam, it ships today. Grüße\n")
        let eml = fixture.folder.appendingPathComponent("reply.eml").path
        let output = try reply(["1", "--file", path, "--eml", eml], environment: ["PARLEY_FROM": "orders@shop.example"])
        #expect(
            output
                == CommandOutput(
                    text: """
                        Recorded M8 in T1 at 2026-03-03 15:00:00 UTC.
                        Wrote \(eml) to qw2smy2gutcr61k+1f@marketplace.amazon.com.

                        """))
        let email = try String(contentsOfFile: eml, encoding: .utf8)
        let headerBlock = try #require(email.components(separatedBy: "\r\n\r\n").first)
        let headers = headerBlock.components(separatedBy: "\r\n")
        #expect(headers.contains("From: orders@shop.example"))
        #expect(headers.contains("To: qw2smy2gutcr61k+1f@marketplace.amazon.com"))
        #expect(headers.contains("In-Reply-To: <q2@example>"))
        #expect(headers.contains("References: <q2@example>"))
        #expect(headers.contains("Message-ID: <parley.1.4.20260303150000@shop.example>"))
        #expect(headers.contains("Date: Tue, 03 Mar 2026 15:00:00 +0000"))
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(headers.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(headers.contains { $0.hasPrefix("Subject: Re: Order delivery inquiry from Amazon customer Sam") })
        #expect(email.hasSuffix("\r\n\r\nHi Sam, it ships today. Gr=C3=BC=C3=9Fe\r\n"))
    }

    @Test func emlProblemsAreFoundBeforeAnythingIsRecorded() throws {
        let path = try draft("ok.txt", "It ships today.")
        let eml = fixture.folder.appendingPathComponent("reply.eml").path
        #expect(throws: InputError.self) { try reply(["T1", "--file", path, "--eml", eml]) }
        #expect(throws: InputError.self) {
            try reply(["T1", "--file", path, "--eml", "/nonexistent/folder/r.eml", "--from", "a@b.example"])
        }
        #expect(throws: InputError.self) { try reply(["T9", "--file", path]) }
        #expect(throws: InputError.self) { try reply(["T1", "--file", "/nonexistent/draft.txt"]) }
        #expect(try messageCount(thread: 1) == 3)
    }

    @Test func aReplyToAPreSaleQuestion() throws {
        let path = try draft("ok.txt", "Yes, it is dishwasher safe.")
        let output = try reply(["T3", "--file", path, "--at", "2026-03-03T10:00:00Z"])
        #expect(output.text == "Recorded M8 in T3 at 2026-03-03 10:00:00 UTC.\n")
    }
}
