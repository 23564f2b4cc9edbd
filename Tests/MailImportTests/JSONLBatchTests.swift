import Foundation
import MailImport
import Testing

/// `JSONLReader` decodes batches of lines on every core: the events must be those of reading each
/// line on its own, at its own line number and in file order, across batch boundaries.
@Suite struct JSONLBatchTests {
    /// A record of each kind the reader tells apart: good ones, bad JSON, a non-object, bad
    /// fields, a numeric id, blank and white-space-only lines (skipped, but counted).
    static func line(_ index: Int) -> String {
        switch index % 13 {
        case 0: return #"{"id":"m\#(index)","thread":"T\#(index % 97)","from":"buyer","at":"2026-03-01T09:30:00Z","body":"Hi \#(index)"}"#
        case 1:
            return
                #"{"thread":"T\#(index % 89)","from":"seller","at":"2026-03-01T10:\#(index % 60 < 10 ? "0" : "")\#(index % 60):00+01:00","body":"Réponse","auto_reply":true}"#
        case 2: return "{not json \(index)"
        case 3: return "[\(index)]"
        case 4: return #"{"thread":"T1","from":"buyer","at":"yesterday"}"#
        case 5: return ""
        case 6: return " \t "
        case 7:
            return
                #"{"id":\#(index),"thread":"T2","from":"amazon","at":"2026-03-02T00:00:00Z","subject":"Return authorization request for order # 111-2222222-3333333","attachments":[{"name":"a.pdf","bytes":12}]}"#
        case 8: return #"{"thread":"T3","from":"buyer","at":"2026-03-02T00:00:00Z","no_response_needed":"maybe"}"#
        case 9: return #"{"thread":"T4","from":"buyer","at":"2026-03-02T00:00:00Z","attachments":[{"name":"x","bytes":-1}]}"#
        default:
            return
                #"{"thread":"T\#(index % 7)","from":"buyer","at":"2026-03-0\#(1 + index % 9)T08:00:00Z","body":"line \#(index)","order_id":"111-\#(index)"}"#
        }
    }

    /// What one line reads as on its own, moved to `number`.
    static func alone(_ text: String, number: Int, reader: JSONLReader) -> [String] {
        var events: [String] = []
        reader.read(Array(text.utf8), file: "big.jsonl") { event in
            switch event {
            case .message(var message):
                message.source.line = number
                events.append("message \(message)")
            case .issue(var issue):
                issue.position.line = number
                events.append("issue \(issue)")
            case .warning(var issue):
                issue.position.line = number
                events.append("warning \(issue)")
            }
        }
        return events
    }

    @Test(arguments: [1, 2, 4_095, 4_096, 4_097, 10_001])
    func batchesReadLikeOneLineAtATime(lines: Int) throws {
        let reader = JSONLReader(amazon: try AmazonRelay())
        let texts = (0..<lines).map(Self.line)
        // A byte order mark before the first line and CRLF line ends on some lines.
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (index, text) in texts.enumerated() {
            bytes += Array(text.utf8) + (index % 5 == 0 ? [0x0D, 0x0A] : [0x0A])
        }
        var read: [String] = []
        reader.read(bytes, file: "big.jsonl") { event in
            switch event {
            case .message(let message): read.append("message \(message)")
            case .issue(let issue): read.append("issue \(issue)")
            case .warning(let issue): read.append("warning \(issue)")
            }
        }
        let expected = texts.enumerated().flatMap { Self.alone($1, number: $0 + 1, reader: reader) }
        #expect(read.count == expected.count)
        #expect(read == expected)
    }
}
