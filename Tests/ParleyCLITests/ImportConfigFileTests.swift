import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

@testable import ParleyCLI

/// `parley import` with the Parley config file: the seller's addresses come from it, and a bad
/// file stops the import before anything is written.
extension ImportCommandTests {
    /// A buyer's question and the shop's answer, outside Amazon's relay: one .eml each.
    static let buyerEML = """
        From: Pat Buyer <pat@example.org>
        To: orders@shop.example
        Subject: Lamp question
        Date: Tue, 03 Mar 2026 13:05:00 +0000
        Message-ID: <p1@example.org>

        Does the lamp take E27 bulbs?

        """

    static let sellerEML = """
        From: Shop <Orders@Shop.example>
        To: pat@example.org
        Subject: Re: Lamp question
        Date: Tue, 03 Mar 2026 14:00:00 +0000
        In-Reply-To: <p1@example.org>
        Message-ID: <s1@shop.example>

        Yes, it does.

        """

    /// Each stored message's external id and sender, in thread order.
    func storedDirections() throws -> [String: Direction] {
        let store = try AppDatabase.onDisk(path: db)
        var result: [String: Direction] = [:]
        for thread in try store.threads() {
            for message in try store.conversation(threadID: thread.id ?? 0, asOf: .distantFuture).messages {
                result[message.externalID] = message.direction
            }
        }
        return result
    }

    @Test func sellerAddressFromTheConfigFileMakesMailTheSellers() throws {
        let question = try write("question.eml", Self.buyerEML)
        let answer = try write("answer.eml", Self.sellerEML)
        let config = try write("config.yaml", "seller:\n  addresses: [orders@shop.example]\n")
        let output = try run([question, answer, "--config", config])
        #expect(output.exitCode == 0, "\(output)")
        #expect(try storedDirections() == ["p1@example.org": .buyer, "s1@shop.example": .seller])

        // The same file found through XDG_CONFIG_HOME, with nothing on the command line.
        try FileManager.default.removeItem(at: URL(fileURLWithPath: db).deletingLastPathComponent())
        let xdg = folder.appendingPathComponent("xdg")
        try FileManager.default.createDirectory(at: xdg.appendingPathComponent("parley"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: config, toPath: xdg.appendingPathComponent("parley/config.yaml").path)
        _ = try run([question, answer], environment: ["XDG_CONFIG_HOME": xdg.path])
        #expect(try storedDirections() == ["p1@example.org": .buyer, "s1@shop.example": .seller])

        // Without any source of addresses the answer is taken for a second buyer message.
        try FileManager.default.removeItem(at: URL(fileURLWithPath: db).deletingLastPathComponent())
        _ = try run([question, answer], environment: ["HOME": folder.path])
        #expect(try storedDirections() == ["p1@example.org": .buyer, "s1@shop.example": .buyer])
    }

    @Test func badConfigFileExitsTwoBeforeAnythingIsWritten() throws {
        let question = try write("question.eml", Self.buyerEML)
        let misspelt = try write("config.yaml", "seller:\n  address: [orders@shop.example]\n")
        #expect(
            failure([question, "--config", misspelt])
                == ("parley: error: \(misspelt):2:3: unknown key 'address' in seller (expected addresses)", 2))
        let malformed = try write("broken.yaml", "seller:\n  addresses: [orders@shop.example\n")
        #expect(
            failure([question], environment: ["PARLEY_CONFIG": malformed])
                == ("parley: error: \(malformed):3:1: malformed YAML: while parsing a flow sequence, did not find expected ',' or ']'", 2))
        let missing = folder.appendingPathComponent("nope.yaml").path
        #expect(
            failure([question], environment: ["PARLEY_CONFIG": missing]) == (
                "parley: error: \(missing): no such config file (named by PARLEY_CONFIG)", 2
            ))
        #expect(!FileManager.default.fileExists(atPath: db), "the store is not even created")
    }

    @Test func badConfigFileExitsTwoAsAProcess() throws {
        let question = try write("question.eml", Self.buyerEML)
        let xdg = folder.appendingPathComponent("xdg")
        try FileManager.default.createDirectory(at: xdg.appendingPathComponent("parley"), withIntermediateDirectories: true)
        let config = xdg.appendingPathComponent("parley/config.yaml")
        try "seller:\n  addresses: [orders@shop.example]\n  name: Shop\n".write(to: config, atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": xdg.path, "PARLEY_CONFIG": ""]
        let bad = try ExecutableTests().run(["import", question, "--db", db], environment: environment)
        #expect(bad.status == 2)
        #expect(bad.stderr == "parley: error: \(config.path):3:3: unknown key 'name' in seller (expected addresses)\n")
        #expect(bad.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: db))

        try "seller:\n  addresses: [orders@shop.example]\n".write(to: config, atomically: true, encoding: .utf8)
        let answer = try write("answer.eml", Self.sellerEML)
        let good = try ExecutableTests().run(["import", question, answer, "--db", db], environment: environment)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try storedDirections() == ["p1@example.org": .buyer, "s1@shop.example": .seller])
    }
}
