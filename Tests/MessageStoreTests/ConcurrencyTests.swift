import Foundation
import MailImport
import MessageStore
import Testing

/// Two stores on one file, as two `parley` processes would open it: writers wait for each other
/// (busy timeout) instead of failing with "database is locked", and readers never block.
@Suite struct ConcurrencyTests {
    @Test func twoWritersOnTheSameFileNeverFailWithDatabaseIsLocked() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-concurrency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/parley.sqlite").path
        let t0 = at("2026-03-02T09:00:00Z")
        // Both open a fresh file at once: creating the folder, WAL mode and migrations race too.
        async let first = Task.detached { try AppDatabase.onDisk(path: path) }.value
        async let second = Task.detached { try AppDatabase.onDisk(path: path) }.value
        let (a, b) = try await (first, second)

        func files(_ name: String, count: Int) -> [ParsedFile] {
            (0..<count).map { file in
                ParsedFile(
                    messages: (0..<50).map { (index: Int) -> ImportedMessage in
                        let minutes = Double(file * 50 + index)
                        let direction: Direction = index % 3 == 0 ? .seller : .buyer
                        return ImportedMessage(
                            externalID: "\(name)-\(file)-\(index)", direction: direction, sentAt: t0 + minutes * 60,
                            body: "\(name) \(file) \(index)", threadKey: "\(name)-\(file % 5)",
                            source: SourcePosition(file: "\(name)-\(file).jsonl", line: index + 1))
                    })
            }
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for (database, name) in [(a, "a"), (b, "b")] {
                group.addTask {
                    var added = 0
                    for (index, file) in files(name, count: 20).enumerated() {
                        added += try database.importFile(file, source: "\(name)-\(index).jsonl", strict: false).messagesAdded
                    }
                    return added
                }
                group.addTask {
                    // A reader keeps reading while the other writes.
                    var reads = 0
                    for _ in 0..<40 { reads += try database.inbox(asOf: t0 + 30 * day).count >= 0 ? 1 : 0 }
                    return 0 * reads
                }
            }
            var total = 0
            for try await added in group { total += added }
            #expect(total == 2 * 20 * 50)
        }
        let stored = try await a.reader.read { db in try Message.fetchCount(db) }
        #expect(stored == 2_000)
        #expect(try b.threads().count == 10)
    }
}
