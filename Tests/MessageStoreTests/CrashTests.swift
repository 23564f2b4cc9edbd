import Foundation
import GRDB
import MailImport
import MessageStore
import Testing

/// A killed import leaves the store as it was before that file. A crash leaves exactly the files
/// on disk; this test copies them while an import is halfway through its transaction (held there
/// by a trigger, its pages already spilled into the WAL) and opens the copy as the next `parley`
/// would.
@Suite struct CrashTests {
    @Test func aStoreCopiedMidImportHoldsNothingOfThatFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("parley.sqlite").path
        var configuration = AppDatabase.makeConfiguration()
        // A tiny page cache makes the open transaction spill its pages into the WAL early.
        let reached = DispatchSemaphore(value: 0)
        let resume = DispatchSemaphore(value: 0)
        let pause = DatabaseFunction("pause_import", argumentCount: 0, pure: false) { _ in
            reached.signal()
            resume.wait()
            return nil
        }
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = 4")
            db.add(function: pause)
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        let database = try AppDatabase(pool)
        try await pool.write { db in
            try db.execute(
                sql: "CREATE TRIGGER halfway AFTER INSERT ON message WHEN NEW.externalID = 'big-3000' BEGIN SELECT pause_import(); END")
        }
        var f = MessageFactory()
        try load(database, [f.make(.buyer, at("2026-03-01T09:00:00Z"), body: "before")])

        let t0 = at("2026-03-02T09:00:00Z")
        let big = (0..<4_000).map { index in
            ImportedMessage(
                externalID: "big-\(index)", direction: index % 2 == 0 ? .buyer : .seller, sentAt: t0 + Double(index) * 60,
                body: String(repeating: "x", count: 200), threadKey: "big-\(index % 40)",
                source: SourcePosition(file: "big.jsonl", line: index + 1))
        }
        let importing = Task.detached { try database.importFile(ParsedFile(messages: big), source: "big.jsonl", strict: false) }
        // Wait, off the cooperative pool, until the import holds its transaction open at message 3000.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                reached.wait()
                continuation.resume()
            }
        }
        let walSize = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(walSize > 256 * 1024, "the open transaction has written to the WAL")
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: folder.appendingPathComponent("crashed.sqlite\(suffix)").path)
        }
        resume.signal()
        let summary = try await importing.value
        #expect(summary.messagesAdded == 4_000)

        let crashed = try AppDatabase.onDisk(path: folder.appendingPathComponent("crashed.sqlite").path)
        let bodies = try await crashed.reader.read { db in try Message.fetchAll(db).map(\.body) }
        #expect(bodies == ["before"])
        #expect(try crashed.threads().map(\.key) == ["key:t1"])
    }
}
