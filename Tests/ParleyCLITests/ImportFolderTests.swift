import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

@testable import ParleyCLI

/// `parley import FOLDER` with loose .eml files: one summary line and one transaction for the
/// folder, each message reported at its own file.
extension ImportCommandTests {
    @Test func folderOfEMLFilesImportsAsOneInput() throws {
        let mails = folder.appendingPathComponent("mails")
        try FileManager.default.createDirectory(at: mails.appendingPathComponent("2026-03"), withIntermediateDirectories: true)
        try Self.buyerEML.write(to: mails.appendingPathComponent("2026-03/1 question.eml"), atomically: true, encoding: .utf8)
        try Self.sellerEML.write(to: mails.appendingPathComponent("2026-03/2 answer.eml"), atomically: true, encoding: .utf8)
        try "not mail".write(to: mails.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        let gone = mails.path + "/3 gone.eml"
        try FileManager.default.createSymbolicLink(atPath: gone, withDestinationPath: mails.path + "/nowhere")

        let output = try run([mails.path, "--seller-address", "orders@shop.example"])
        #expect(
            output
                == CommandOutput(
                    text: """
                        \(mails.path): 2 messages added, 0 duplicates skipped, 1 record skipped; threads: 1 new, 0 updated
                        total: 2 messages added, 0 duplicates skipped, 1 record skipped; threads: 1 new, 0 updated

                        """,
                    exitCode: 1, notes: "\(gone): cannot read the message file\n"))
        #expect(try storedDirections() == ["p1@example.org": .buyer, "s1@shop.example": .seller])
        let store = try AppDatabase.onDisk(path: db)
        let thread = try #require(try store.threads().first)
        let messages = try store.conversation(threadID: thread.id ?? 0, asOf: .distantFuture).messages
        #expect(messages.map(\.source.file) == [mails.path + "/2026-03/1 question.eml", mails.path + "/2026-03/2 answer.eml"])

        // --format eml names the same thing; --strict rolls the folder back as one file.
        try FileManager.default.removeItem(atPath: gone)
        let again = try run([mails.path, "--format", "eml", "--summary-format", "json"])
        #expect(again.exitCode == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(again.text.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["format"] as? String } == ["eml"])
        #expect(files.map { $0["duplicates"] as? Int } == [2])
    }

    @Test func strictRollsBackTheWholeFolder() throws {
        let mails = folder.appendingPathComponent("mails")
        try FileManager.default.createDirectory(at: mails, withIntermediateDirectories: true)
        try Self.buyerEML.write(to: mails.appendingPathComponent("a.eml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: mails.path + "/b.eml", withDestinationPath: mails.path + "/nowhere")
        let output = try run([mails.path, "--strict"])
        #expect(output.exitCode == 1)
        #expect(
            output.notes == """
                \(mails.path)/b.eml: cannot read the message file
                \(mails.path): rolled back (--strict): 1 record could not be imported, so nothing from this file was stored

                """)
        #expect(try storedIDs() == [:])
    }
}
