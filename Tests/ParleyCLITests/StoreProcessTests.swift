import Foundation
import TestSupport
import Testing

/// The built `parley` binary on one store from several processes at once: WAL lets readers read
/// while a writer writes, and the busy timeout makes writers wait instead of failing with
/// "database is locked".
@Suite struct StoreProcessTests {
    struct Result {
        var arguments: [String]
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts every command at once, then waits for all of them.
    func runConcurrently(_ commands: [[String]], environment: [String: String] = [:]) throws -> [Result] {
        var running: [(Process, Pipe, Pipe, [String])] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = ExecutableTests.binary
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            let (output, error) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = error
            process.standardInput = FileHandle.nullDevice
            try process.run()
            running.append((process, output, error, arguments))
        }
        return running.map { process, output, error, arguments in
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(
                arguments: arguments, status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                stderr: String(decoding: err, as: UTF8.self))
        }
    }

    @Test func concurrentParleyProcessesNeverFailWithDatabaseIsLocked() throws {
        let fixture = try StoreCommandFixture()
        let draft = fixture.folder.appendingPathComponent("reply.txt")
        try "Your parcel left our warehouse today; it should arrive on Thursday.".write(to: draft, atomically: true, encoding: .utf8)
        let db = ["--db", fixture.path]
        var commands: [[String]] = [
            ["mark", "M7", "--no-response-needed"] + db,
            ["return", "222-0000000-0000002", "--authorized"] + db,
            ["reply", "T1", "--file", draft.path] + db,
        ]
        for _ in 0..<3 { commands += [["inbox"] + db, ["metrics", "--format", "json"] + db, ["thread", "T1"] + db] }
        // And a fresh store opened (created, switched to WAL, migrated) by several processes at once.
        let fresh = fixture.folder.appendingPathComponent("fresh/parley.sqlite").path
        for _ in 0..<4 { commands.append(["inbox", "--db", fresh]) }
        let results = try runConcurrently(commands, environment: ["NO_COLOR": "1"])
        for result in results {
            #expect(result.status == 0, "\(result.arguments): \(result.stderr)")
            #expect(!result.stderr.contains("locked"), "\(result.arguments): \(result.stderr)")
        }
        #expect(results[0].stdout == "Marked M7 (T3) no response needed.\n")
        #expect(results[1].stdout.hasPrefix("Order 222-0000000-0000002: R1 received 2026-03-02 13:00:00 UTC: authorized "))
        #expect(results[2].stdout.hasPrefix("Recorded M8 in T1 at "))
        #expect(results.suffix(4).allSatisfy { $0.stdout.hasPrefix("No customer messages waiting") })
        // Everything the writers did is there afterwards.
        let after = try runConcurrently([["thread", "T1", "--format", "json"] + db])
        #expect(after[0].stdout.contains(#""body" : "Your parcel left our warehouse today; it should arrive on Thursday.""#))
    }

    @Test func storeCommandsExitTwoOnInputErrors() throws {
        let fixture = try StoreCommandFixture()
        let db = ["--db", fixture.path]
        let results = try runConcurrently([
            ["thread", "T99"] + db, ["mark", "7", "--no-response-needed"] + db, ["metrics", "--as-of", "tomorrow"] + db,
            ["return", "000-0000000-0000000", "--closed"] + db,
        ])
        #expect(results.map(\.status) == [2, 2, 2, 2])
        #expect(results[0].stderr == "parley: error: no thread T99 in the store\n")
        #expect(results[1].stderr.hasPrefix("Error: '7' could be a message or a thread: say M7 or T7.\n"))
        #expect(results[2].stderr.contains("--as-of"))
        #expect(results[3].stderr == "parley: error: no open return request for order 000-0000000-0000000\n")
    }
}
