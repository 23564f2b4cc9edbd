import Foundation
import MessageStore
import TestSupport
import Testing

/// A real `parley import` killed with SIGKILL: the store holds all of that file or none of it,
/// never part, and the next `parley` opens it as usual.
@Suite struct ImportProcessTests {
    static let lines = 200_000
    static let threads = 2_000

    /// 200,000 messages in 2,000 threads, about 25 MB.
    static func writeLargeExport(to url: URL) throws {
        var text = ""
        text.reserveCapacity(lines * 130)
        for index in 0..<lines {
            let (hour, minute, second) = (index / 3_600 % 24, index / 60 % 60, index % 60)
            let at = "2026-03-01T" + [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":") + "Z"
            text += #"{"id": "big-\#(index)", "thread": "big-\#(index % threads)", "from": "\#(index % 2 == 0 ? "buyer" : "seller")", "#
            text += #""at": "\#(at)", "body": "Message number \#(index) of the large export."}"# + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// How many messages of the large export the store at `path` holds.
    static func storedMessages(at path: String) throws -> Int {
        let store = try AppDatabase.onDisk(path: path)
        return try store.threads().filter { $0.key.hasPrefix("key:big-") }.reduce(0) { count, thread in
            count + (try store.conversation(threadID: thread.id ?? 0, asOf: .distantFuture).messages.count)
        }
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PARLEY_CONFIG")
        environment["XDG_CONFIG_HOME"] = ExecutableTests.noConfigHome
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func kill(_ process: Process) {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    @Test func killedImportLeavesAllOrNothingOfTheFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("large.jsonl")
        try Self.writeLargeExport(to: export)
        let small = folder.appendingPathComponent("small.jsonl")
        try #"{"id": "s1", "thread": "small", "from": "buyer", "at": "2026-03-02T09:00:00Z", "body": "Before the big one."}"#
            .write(to: small, atomically: true, encoding: .utf8)

        // Killed after 0.3 s: most likely still reading the file.
        let early = folder.appendingPathComponent("early/parley.sqlite").path
        let first = try start(["import", small.path, "--db", early])
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let killedEarly = try start(["import", export.path, "--db", early])
        Thread.sleep(forTimeInterval: 0.3)
        kill(killedEarly)
        let earlyCount = try Self.storedMessages(at: early)
        #expect(earlyCount == 0 || earlyCount == Self.lines, "\(earlyCount) messages of the killed file")

        // Killed while its transaction is writing: the write-ahead log has grown past 2 MB.
        let late = folder.appendingPathComponent("late/parley.sqlite").path
        let killedLate = try start(["import", export.path, "--db", late])
        let deadline = Date().addingTimeInterval(300)
        while killedLate.isRunning, Date() < deadline {
            let wal = (try? FileManager.default.attributesOfItem(atPath: late + "-wal"))?[.size] as? Int ?? 0
            if wal > 2_000_000 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(killedLate)
        let lateCount = try Self.storedMessages(at: late)
        #expect(lateCount == 0 || lateCount == Self.lines, "\(lateCount) messages of the killed file")

        // The store works afterwards, and what was there before the killed file still is.
        let store = try AppDatabase.onDisk(path: early)
        #expect(try store.threads().contains { $0.key == "key:small" })
        let again = try start(["import", small.path, "--db", late])
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
    }
}
