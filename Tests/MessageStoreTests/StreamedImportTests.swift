import Foundation
import MailImport
import MessageStore
import TestSupport
import Testing

/// `importFile(path:…)` reads on another thread while it stores: the store, the summary and the
/// notes must be those of reading the file whole and then storing it (`importFile(_:source:strict:)`).
@Suite struct StreamedImportTests {
    /// A JSONL export of `count` records over a few hundred threads, some bad; in order of time
    /// unless `shuffled`. Several batches long, so the reader runs ahead of the writer.
    static func export(count: Int, seed: UInt64, shuffled: Bool) -> String {
        var random = SeededGenerator(seed: seed)
        let start = at("2026-03-01T00:00:00Z")
        var lines: [String] = []
        var time = start
        for index in 0..<count {
            time += Double(Int.random(in: 0...600, using: &random))
            let thread = Int.random(in: 0..<300, using: &random)
            let from = ["buyer", "buyer", "seller", "amazon"][Int.random(in: 0..<4, using: &random)]
            let stamp = ISO8601DateFormatter().string(from: time)
            switch Int.random(in: 0..<50, using: &random) {
            case 0: lines.append("{broken \(index)")
            case 1: lines.append(#"{"thread":"T\#(thread)","from":"buyer","at":"not a date"}"#)
            case 2: lines.append(#"{"id":"dup","thread":"T\#(thread)","from":"buyer","at":"\#(stamp)","body":"same id"}"#)
            default:
                lines.append(
                    #"{"id":"m\#(index)","thread":"T\#(thread)","from":"\#(from)","at":"\#(stamp)","body":"text \#(index % 40)","no_response_needed":\#(index % 17 == 0)}"#
                )
            }
        }
        if shuffled { lines.shuffle(using: &random) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appending(path: "streamed-\(UUID().uuidString).jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func contents(_ database: AppDatabase) throws -> [String] {
        try database.reader.read { db in
            try Message.fetchAll(db, sql: "SELECT * FROM message ORDER BY id").map { "\($0)" }
                + MessageThread.fetchAll(db, sql: "SELECT * FROM thread ORDER BY id").map { "\($0)" }
        }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func streamingStoresWhatReadingWholeStores(shuffled: Bool, strict: Bool) throws {
        let path = try Self.write(Self.export(count: 9_000, seed: shuffled ? 7 : 3, shuffled: shuffled))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ImportReader()
        let whole = try AppDatabase.inMemory()
        let streamed = try AppDatabase.inMemory()
        // A second file continues the threads of the first: the same file again, all duplicates.
        for _ in 0..<2 {
            let parsed = try reader.read(path: path, format: .auto)
            let expected = try whole.importFile(parsed, source: path, strict: strict)
            let result = try streamed.importFile(path: path, reader: reader, strict: strict)
            #expect(result.summary == expected)
            #expect(result.warnings == parsed.warnings)
            #expect(try Self.contents(streamed) == Self.contents(whole))
            #expect(!result.summary.issues.isEmpty)
            #expect(result.summary.rolledBack == strict)
        }
    }

    @Test func anUnreadableFileStoresNothing() throws {
        let database = try AppDatabase.inMemory()
        let missing = FileManager.default.temporaryDirectory.appending(path: "missing-\(UUID().uuidString).jsonl").path
        #expect(throws: FileReadFailure.self) {
            try database.importFile(path: missing, format: .jsonl, reader: try ImportReader(), strict: false)
        }
        #expect(try Self.contents(database).isEmpty)
    }
}
