import Foundation
import MailImport
import Testing

/// `ImportReader.forEach` reads a file straight into bytes; what it parses must not change.
@Suite struct FileReadingTests {
    func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-file-reading-\(UUID().uuidString).jsonl")
        try Data(contents.utf8).write(to: url)
        return url
    }

    @Test func aFileReadsLikeItsBytes() throws {
        let text = """
            {"id": "1", "thread": "t", "from": "buyer", "at": "2026-03-01T10:00:00Z", "subject": "Hi", "body": "Où est mon colis ?"}
            not json
            {"id": "2", "thread": "t", "from": "seller", "at": "2026-03-01T11:00:00+01:00", "subject": "Re: Hi", "body": "En route."}

            """
        let url = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try ImportReader.read(path: url.path, format: .jsonl)
        let fromBytes = try ImportReader().parse(Array(text.utf8), format: .jsonl, file: url.path)
        #expect(fromFile.messages == fromBytes.messages)
        #expect(fromFile.issues == fromBytes.issues)
        #expect(fromFile.messages.count == 2 && fromFile.issues.count == 1)
    }

    @Test func anEmptyFileHasNoMessages() throws {
        let url = try temporaryFile("")
        defer { try? FileManager.default.removeItem(at: url) }
        let parsed = try ImportReader.read(path: url.path, format: .jsonl)
        #expect(parsed.messages.isEmpty && parsed.issues.isEmpty)
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: ImportReadError.self) {
            try ImportReader.read(path: "/nonexistent/parley-\(UUID().uuidString).jsonl", format: .jsonl)
        }
    }
}
