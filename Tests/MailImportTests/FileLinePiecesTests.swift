import Foundation
import Testing

@testable import MailImport

/// A JSONL file read a piece at a time must read as its whole bytes do: the same events at the same
/// line numbers, whatever the piece size and wherever a piece ends.
@Suite struct FileLinePiecesTests {
    static let contents: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            """
            {"id": "1", "thread": "t", "from": "buyer", "at": "2026-03-01T10:00:00Z", "subject": "Hi", "body": "Où est mon colis ?"}\r
            not json

             \t
            {"id": "2", "thread": "t", "from": "seller", "at": "2026-03-01T11:00:00+01:00", "body": "\(String(repeating: "long ", count: 300))"}\r\n\r
            [1]
            {"thread": "t", "from": "amazon", "at": "2026-03-02T00:00:00Z", "subject": "Return authorization request for order 111-2222222-3333333"}
            """.utf8) + Array("\n\u{FEFF}{\"from\": \"buyer\", \"at\": \"2026-03-03T00:00:00Z\"}\r".utf8)

    static func events(_ read: ((ImportEvent) -> Void) throws -> Void) rethrows -> [String] {
        var events: [String] = []
        try read { event in
            switch event {
            case .message(let message): events.append("message \(message)")
            case .issue(let issue): events.append("issue \(issue)")
            case .warning(let issue): events.append("warning \(issue)")
            }
        }
        return events
    }

    func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-pieces-\(UUID().uuidString).jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1_000, 1 << 20])
    func piecesReadLikeTheWholeFile(pieceBytes: Int) throws {
        let reader = JSONLReader(amazon: try AmazonRelay())
        for contents in [Self.contents, Self.contents + [0x0A], Array(Self.contents.dropFirst(3)), [], [0x0A, 0x0A], [0x0D]] {
            let path = try file(contents)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let whole = Self.events { reader.read(contents, file: path, $0) }
            let pieces = try #require(FileLinePieces(path: path, pieceBytes: pieceBytes))
            let read = try Self.events { try reader.read(pieces, file: path, $0) }
            #expect(read == whole, "\(contents.count) bytes")
        }
        #expect(Self.events { reader.read(Self.contents, file: "x", $0) }.count == 6)
    }

    @Test func piecesJoinIntoTheFile() throws {
        let path = try file(Self.contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for pieceBytes in [1, 5, 4096] {
            let pieces = try #require(FileLinePieces(path: path, pieceBytes: pieceBytes))
            var joined: [UInt8] = []
            while let piece = try pieces.next() {
                #expect(piece.last == 0x0A || joined.count + piece.count == Self.contents.count)
                joined += piece
            }
            #expect(joined == Self.contents)
            #expect(try pieces.next() == nil)
        }
    }

    @Test func onlyRegularFilesAreReadInPieces() throws {
        #expect(FileLinePieces(path: "/nonexistent/parley-\(UUID().uuidString).jsonl") == nil)
        #expect(FileLinePieces(path: FileManager.default.temporaryDirectory.path) == nil)
    }

    /// `parley import` reads a JSONL file in pieces: the same events as from its bytes.
    @Test func importReaderReadsAFileInPiecesLikeItsBytes() throws {
        let path = try file(Self.contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try ImportReader()
        let fromFile = try Self.events { try reader.forEach(path: path, format: .auto, $0) }
        let fromBytes = Self.events { reader.parse(Self.contents, format: .jsonl, file: path, $0) }
        #expect(fromFile == fromBytes)
    }
}
