import ArgumentParser
import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

@testable import ParleyCLI

/// `parley import` in process: exact summaries, notes and exit codes, and what ends up in the store.
@Suite struct ImportCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        db = folder.appendingPathComponent("store/parley.sqlite").path
    }

    /// Three good records and, on line 3, one whose sender is not buyer, seller or amazon.
    static let orders = """
        {"id": "m1", "thread": "T-1001", "order_id": "114-3941689-8779232", "from": "buyer", "at": "2026-03-01T09:30:00+01:00", "subject": "Damaged lid", "body": "The lid arrived cracked."}
        {"id": "m2", "thread": "T-1001", "from": "seller", "at": "2026-03-01T11:00:00+01:00", "body": "Sorry to hear that! A new lid ships today."}
        {"id": "m3", "thread": "T-1001", "from": "robot", "at": "2026-03-01T12:00:00+01:00", "body": "?"}
        {"id": "m4", "thread": "T-1002", "order_id": "114-0000000-0000001", "from": "buyer", "at": "2026-03-02T09:30:00Z", "subject": "Where is it", "body": "Hello?"}

        """

    /// Amazon relay mail as the seller's mail program stores it: Jane's two messages about one order.
    static func amazonMessage(id: String, date: String, envelope: String, text: String) -> String {
        """
        From qw2smy2gutcr61k@marketplace.amazon.com \(envelope)
        From: "Jane - Amazon Marketplace" <qw2smy2gutcr61k+1f2e@marketplace.amazon.com>
        To: shop@example.com
        Subject: Product details inquiry from Amazon customer Jane (Order: 102-1111111-2222222)
        Date: \(date)
        Message-ID: <\(id)@relay.test>
        Content-Type: text/plain; charset=UTF-8

        Order ID 102-1111111-2222222:
        1 of Blue Test Widget [ASIN: B0TESTASN1]

        ------------- Begin message -------------

        \(text)

        ------------- End message -------------

        For Your Information: To help arbitrate disputes, we retain all messages for two years.

        """
    }

    static let amazonMbox =
        amazonMessage(id: "a1", date: "Tue, 03 Mar 2026 14:05:00 +0100", envelope: "Tue Mar  3 13:05:00 2026", text: "Does it come in red?")
        + "\n"
        + amazonMessage(id: "a2", date: "Tue, 03 Mar 2026 16:05:00 +0100", envelope: "Tue Mar  3 15:05:00 2026", text: "Or in green?")

    /// Mail outside Amazon: a buyer's question and the shop's answer, which has no Date header.
    static let plainMbox = """
        From pat@example.org Tue Mar  3 13:05:00 2026
        From: Pat Buyer <pat@example.org>
        To: orders@shop.example
        Subject: Lamp question
        Date: Tue, 03 Mar 2026 13:05:00 +0000
        Message-ID: <p1@example.org>

        Does the lamp take E27 bulbs?

        From orders@shop.example Tue Mar  3 14:00:00 2026
        From: Shop <Orders@Shop.example>
        To: pat@example.org
        Subject: Re: Lamp question
        In-Reply-To: <p1@example.org>
        Message-ID: <s1@shop.example>

        Yes, it does.

        """

    func write(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func command(_ arguments: [String]) throws -> Parley.Import {
        try #require(try Parley.parseAsRoot(["import"] + arguments + ["--db", db]) as? Parley.Import)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandOutput {
        try command(arguments).output(environment: environment)
    }

    /// The message and exit status of what a command throws, from parsing to output.
    func failure(_ arguments: [String], environment: [String: String] = [:]) -> (String, Int32) {
        do {
            let output = try run(arguments, environment: environment)
            return ("no error: \(output)", 0)
        } catch {
            return (Parley.message(for: error), Parley.exitStatus(for: error))
        }
    }

    /// Every stored message's external id, thread by thread.
    func storedIDs() throws -> [String: [String]] {
        let store = try AppDatabase.onDisk(path: db)
        var result: [String: [String]] = [:]
        for thread in try store.threads() {
            result[thread.key] = try store.conversation(threadID: thread.id ?? 0, asOf: .distantFuture).messages.map(\.externalID)
        }
        return result
    }

    @Test func badRecordIsReportedWithItsLineAndSkipped() throws {
        let path = try write("orders.jsonl", Self.orders)
        #expect(
            try run([path])
                == CommandOutput(
                    text: """
                        \(path): 3 messages added, 0 duplicates skipped, 1 record skipped; threads: 2 new, 0 updated
                        total: 3 messages added, 0 duplicates skipped, 1 record skipped; threads: 2 new, 0 updated

                        """,
                    exitCode: 1, notes: "\(path):3: 'from' is 'robot', expected buyer, seller or amazon\n"))
        #expect(try storedIDs() == ["key:T-1001": ["m1", "m2"], "key:T-1002": ["m4"]])
    }

    @Test func reimportAddsNothing() throws {
        let path = try write("orders.jsonl", Self.orders)
        _ = try run([path])
        let again = try run([path])
        #expect(
            again.text == """
                \(path): 0 messages added, 3 duplicates skipped, 1 record skipped; threads: 0 new, 0 updated
                total: 0 messages added, 3 duplicates skipped, 1 record skipped; threads: 0 new, 0 updated

                """)
        #expect(again.exitCode == 1)
        #expect(try storedIDs() == ["key:T-1001": ["m1", "m2"], "key:T-1002": ["m4"]])
        // Without the bad line the same data is clean: exit 0, still nothing added.
        let clean = try write("clean.jsonl", Self.orders.split(separator: "\n").filter { !$0.contains("robot") }.joined(separator: "\n"))
        #expect(
            try run([clean])
                == CommandOutput(
                    text: """
                        \(clean): 0 messages added, 3 duplicates skipped, 0 records skipped; threads: 0 new, 0 updated
                        total: 0 messages added, 3 duplicates skipped, 0 records skipped; threads: 0 new, 0 updated

                        """))
    }

    @Test func strictRollsBackTheFileWithTheBadRecordOnly() throws {
        let bad = try write("orders.jsonl", Self.orders)
        let good = try write(
            "more.csv",
            """
            id,thread,order_id,from,at,subject,body,attachments
            c1,T-2001,114-2222222-3333333,buyer,2026-03-04T08:00:00-05:00,"Gift wrap?","Can you gift wrap it, ""please""?",note.pdf:1200

            """)
        #expect(
            try run([bad, good, "--strict"])
                == CommandOutput(
                    text: """
                        \(bad): 0 messages added, 0 duplicates skipped, 1 record skipped; threads: 0 new, 0 updated; rolled back (--strict)
                        \(good): 1 message added, 0 duplicates skipped, 0 records skipped; threads: 1 new, 0 updated
                        total: 1 message added, 0 duplicates skipped, 1 record skipped; threads: 1 new, 0 updated

                        """,
                    exitCode: 1,
                    notes: """
                        \(bad):3: 'from' is 'robot', expected buyer, seller or amazon
                        \(bad): rolled back (--strict): 1 record could not be imported, so nothing from this file was stored

                        """))
        #expect(try storedIDs() == ["key:T-2001": ["c1"]])
        let store = try AppDatabase.onDisk(path: db)
        let message = try #require(try store.message(id: 1))
        #expect(message.body == #"Can you gift wrap it, "please"?"#)
        #expect(message.attachments == [ImportedAttachment(name: "note.pdf", bytes: 1200)])
    }

    @Test func amazonMboxBecomesOneThreadInTheInbox() throws {
        let path = try write("amazon.mbox", Self.amazonMbox)
        #expect(
            try run([path])
                == CommandOutput(
                    text: """
                        \(path): 2 messages added, 0 duplicates skipped, 0 records skipped; threads: 1 new, 0 updated
                        total: 2 messages added, 0 duplicates skipped, 0 records skipped; threads: 1 new, 0 updated

                        """))
        let inbox = try #require(try Parley.parseAsRoot(["inbox", "--db", db]) as? Parley.Inbox)
        #expect(
            try inbox.output(clock: FixedClock(now: instant("2026-03-03T20:00:00Z"))).text == """
                1 thread waiting, 0 overdue (as of 2026-03-03 20:00:00 UTC)

                T1  17h 05m left  (due 2026-03-04 13:05:00 UTC)
                    Jane (qw2smy2gutcr61k) · order 102-1111111-2222222 · amazon.com · 2 messages waiting
                    Product details inquiry from Amazon customer Jane (Order: 102-1111111-2222222)
                    "Or in green?"

                """)
    }

    @Test func sellerAddressesComeFromTheOptionAndTheEnvironment() throws {
        let path = try write("shop.mbox", Self.plainMbox)
        let inbox = { () throws -> String in
            let command = try #require(try Parley.parseAsRoot(["inbox", "--db", self.db]) as? Parley.Inbox)
            return try command.output(clock: FixedClock(now: instant("2026-03-03T20:00:00Z"))).text
        }
        // Unknown to Parley, the shop's answer looks like a second buyer message.
        let unknown = try run([path])
        #expect(unknown.exitCode == 0)
        #expect(
            unknown.notes == "\(path): message 2: note: no usable Date header; dated by its mailbox entry or file time\n")
        #expect(try inbox().hasPrefix("1 thread waiting, 0 overdue"))

        try FileManager.default.removeItem(at: URL(fileURLWithPath: db).deletingLastPathComponent())
        _ = try run([path, "--seller-address", "someone@else.example"], environment: ["PARLEY_SELLER_ADDRESSES": " orders@shop.example ,"])
        #expect(try inbox() == "No customer messages waiting (as of 2026-03-03 20:00:00 UTC).\n")

        try FileManager.default.removeItem(at: URL(fileURLWithPath: db).deletingLastPathComponent())
        _ = try run([path, "--seller-address", "ORDERS@shop.example"])
        #expect(try inbox() == "No customer messages waiting (as of 2026-03-03 20:00:00 UTC).\n")

        let (message, status) = failure([path], environment: ["PARLEY_SELLER_ADDRESSES": "orders@shop.example,Shop"])
        #expect(message == "parley: error: PARLEY_SELLER_ADDRESSES: 'shop' is not an email address (expected a@b.example, comma-separated)")
        #expect(status == 2)
    }

    @Test func missingFileExitsTwoBeforeAnythingIsWritten() throws {
        let good = try write("orders.jsonl", Self.orders)
        let missing = folder.appendingPathComponent("missing.jsonl").path
        let (message, status) = failure([good, missing])
        #expect(message == "parley: error: \(missing): cannot read: no such file or directory")
        #expect(status == 2)
        #expect(!FileManager.default.fileExists(atPath: db), "the store is not even created")

        let unknown = try write("notes.txt", "just some words\n")
        #expect(
            failure([unknown])
                == ("parley: error: \(unknown): cannot tell the format; pass --format (jsonl, csv, mbox, eml or maildir)", 2))
        #expect(
            failure([folder.path])
                == (
                    "parley: error: \(folder.path): a folder to import must be a Maildir (with cur/ or new/) or hold .eml files, "
                        + "and this one is neither", 2
                ))
        #expect(
            failure([folder.path, "--format", "maildir"])
                == ("parley: error: \(folder.path): a directory without cur/ or new/ is not a Maildir", 2))
        #expect(
            failure([folder.path, "--format", "jsonl"]) == ("parley: error: \(folder.path): --format jsonl needs a file, not a folder", 2))
        #expect(
            failure([good, "--format", "maildir"])
                == ("parley: error: \(good): --format maildir needs a Maildir folder, not a file", 2))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [
            ["x.jsonl", "--format", "xml"], ["x.jsonl", "--seller-address", "Shop"], [], ["x.jsonl", "--summary-format", "yaml"],
        ] {
            do {
                _ = try Parley.parseAsRoot(["import"] + arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(Parley.exitStatus(for: error) == 2, "\(arguments)")
            }
        }
    }

    @Test func jsonSummary() throws {
        let path = try write("orders.jsonl", Self.orders)
        let output = try run([path, "--summary-format", "json"])
        #expect(output.exitCode == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files[0]["file"] as? String == path)
        #expect(files[0]["format"] as? String == "jsonl")
        #expect(files[0]["messages_read"] as? Int == 3)
        #expect(files[0]["messages_added"] as? Int == 3)
        #expect(files[0]["records_skipped"] as? Int == 1)
        #expect(files[0]["threads_created"] as? Int == 2)
        #expect(files[0]["rolled_back"] as? Bool == false)
        #expect(files[0]["error"] is NSNull)
        let issues = try #require(files[0]["issues"] as? [[String: Any]])
        #expect(issues.map { $0["position"] as? String } == ["\(path):3"])
        #expect(issues.map { $0["line"] as? Int } == [3])
        #expect(issues.map { $0["message"] as? String } == ["'from' is 'robot', expected buyer, seller or amazon"])
        let total = try #require(document["total"] as? [String: Any])
        #expect(
            Set(total.keys) == [
                "files", "files_rolled_back", "files_not_imported", "messages_read", "messages_added", "duplicates", "records_skipped",
                "threads_created", "threads_updated", "return_requests_opened",
            ])
        #expect(total["messages_added"] as? Int == 3)
        #expect(total["files"] as? Int == 1)
    }

    @Test func progressLineOnlyForLargeInputs() {
        final class Screen { var text = "" }
        let screen = Screen()
        var progress = ImportProgress { screen.text += $0 }
        progress.start("small.jsonl", bytes: 2_000)
        for count in 1...999 { progress.read(messages: count) }
        progress.store(messages: 999)
        progress.clear()
        #expect(screen.text == "")

        progress.start("many.jsonl", bytes: 2_000)
        for count in 1...2_000 { progress.read(messages: count) }
        progress.store(messages: 2_000)
        progress.clear()
        #expect(
            screen.text
                == "\rmany.jsonl: 1000 messages read…\rmany.jsonl: 2000 messages read…\rmany.jsonl: storing 2000 messages…"
                + "\r\(String(repeating: " ", count: 34))\r")

        screen.text = ""
        progress.start("big.mbox", bytes: 5_000_000)
        progress.read(messages: 1)
        progress.clear()
        #expect(screen.text == "\rbig.mbox: reading…\r\(String(repeating: " ", count: 18))\r")
    }
}
