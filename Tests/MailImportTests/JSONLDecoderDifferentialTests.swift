import Foundation
import TestSupport
import Testing

@testable import MailImport

/// `JSONLReader` (through `JSONLRecordDecoder`) must read every line as JSONSerialization did
/// (`LegacyJSONLRecordReader`): the same messages, byte for byte, or the same issue text.
@Suite struct JSONLDecoderDifferentialTests {
    /// A reading's result with every field of a message, strings as their UTF-8 bytes (Swift's `==`
    /// would take é and e + ◌́ as equal).
    static func fingerprint(_ result: Result<ImportedMessage, ImportIssue>) -> [UInt8] {
        switch result {
        case .failure(let issue): return Array("issue \(issue.position) \(issue.message)".utf8)
        case .success(let message):
            let fields: [String] = [
                message.externalID, message.direction.rawValue, String(message.sentAt.timeIntervalSince1970.bitPattern),
                message.subject, message.body, message.attachments.map { "\($0.name)\u{1}\($0.bytes)" }.joined(separator: "\u{2}"),
                message.threadKey ?? "<nil>", message.marketplace ?? "<nil>", message.orderID ?? "<nil>", message.asin ?? "<nil>",
                message.buyerAlias ?? "<nil>", message.buyerName ?? "<nil>", message.replyAddress ?? "<nil>",
                message.senderAddress ?? "<nil>", message.kind.rawValue, String(message.noResponseNeeded),
                message.noResponseNeededLink ?? "<nil>", message.communicationToken ?? "<nil>", String(message.isAutoReply),
                message.messageID ?? "<nil>", message.inReplyTo ?? "<nil>", message.references.joined(separator: "\u{2}"),
                message.source.description,
            ]
            return Array(("message\u{0}" + fields.joined(separator: "\u{0}")).utf8)
        }
    }

    /// What the new reader reads from `bytes`.
    static func read(_ bytes: [UInt8], with reader: JSONLReader) -> [Result<ImportedMessage, ImportIssue>] {
        var results: [Result<ImportedMessage, ImportIssue>] = []
        reader.read(bytes, file: "generated.jsonl") { event in
            switch event {
            case .message(let message): results.append(.success(message))
            case .issue(let issue), .warning(let issue): results.append(.failure(issue))
            }
        }
        return results
    }

    /// The kind of a result, to check that the generated lines reach every outcome.
    static func category(_ result: Result<ImportedMessage, ImportIssue>) -> String {
        switch result {
        case .success: return "message"
        case .failure(let issue):
            let text = issue.message
            for prefix in ["'from' is", "'at' is", "attachment '"] where text.hasPrefix(prefix) { return prefix }
            if text.hasPrefix("attachment ") { return "attachment N" }
            return text
        }
    }

    static let requiredCategories = [
        "message", "not valid JSON", "not a JSON object", "'id' must be a string", "'thread' must be a string",
        "'order_id' must be a string", "'from' must be a string", "'at' must be a string", "'subject' must be a string",
        "'body' must be a string", "'no_response_needed' must be true or false", "'auto_reply' must be true or false",
        "'attachments' must be a list of {\"name\", \"bytes\"}", "attachment N", "attachment '", "'from' is", "'at' is",
        "missing 'from' (buyer, seller or amazon)", "missing 'at' (ISO 8601 time with offset)",
    ]

    /// Each line alone, after an empty first line, so a byte order mark at its start reaches the
    /// decoder (the reader drops one only at the start of the file).
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func generatedLinesReadAsJSONSerializationReadThem(seed: UInt64) throws {
        let amazon = try AmazonRelay()
        let reader = JSONLReader(amazon: amazon)
        let legacy = LegacyJSONLRecordReader(amazon: amazon)
        var generator = JSONLLineGenerator(seed: seed)
        var tally: [String: Int] = [:]
        var mismatches = 0
        for index in 0..<5_000 {
            let line = generator.line()
            let bytes: [UInt8] = [0x0A] + line
            let expected = legacy.read(bytes, file: "generated.jsonl")
            let read = Self.read(bytes, with: reader)
            for result in expected { tally[Self.category(result), default: 0] += 1 }
            if read.map(Self.fingerprint) != expected.map(Self.fingerprint) {
                mismatches += 1
                if mismatches <= 10 {
                    Issue.record(
                        "seed \(seed), line \(index): \(line.map { String(format: "%02x", $0) }.joined(separator: " "))\nold: \(expected)\nnew: \(read)"
                    )
                }
            }
        }
        #expect(mismatches == 0)
        for category in Self.requiredCategories {
            #expect(tally[category, default: 0] >= 3, "\(category): \(tally[category, default: 0]) lines")
        }
    }

    /// A whole file, so the lines are read in batches on every core, some ending in CRLF.
    @Test func aGeneratedFileReadsAsJSONSerializationReadIt() throws {
        let amazon = try AmazonRelay()
        var generator = JSONLLineGenerator(seed: 99)
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for index in 0..<10_000 {
            bytes += generator.line() + (index % 7 == 0 ? [0x0D, 0x0A] : [0x0A])
            if index % 500 == 0 { bytes += Array(" \t\n\n".utf8) }
        }
        let expected = LegacyJSONLRecordReader(amazon: amazon).read(bytes, file: "generated.jsonl")
        let read = Self.read(bytes, with: JSONLReader(amazon: amazon))
        #expect(read.count == expected.count)
        #expect(read.map(Self.fingerprint) == expected.map(Self.fingerprint))
        #expect(expected.count > 9_000)
    }

    /// The decoder checks UTF-8 itself (`isValidUTF8`), builds strings with `String(decoding:)` and
    /// drops a byte order mark itself, where JSONSerialization used `String(bytes:encoding: .utf8)`:
    /// the two must accept the same bytes and give the same text, also for every 1-, 2- and 3-byte
    /// sequence.
    @Test func utf8CheckAcceptsWhatFoundationAccepts() {
        func check(_ bytes: [UInt8]) -> Bool {
            let foundation = String(bytes: bytes, encoding: .utf8)
            let withoutMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            let decoded = withoutMark.withUnsafeBufferPointer { $0.isValidUTF8 ? String(decoding: $0, as: UTF8.self) : nil }
            return foundation.map { Array($0.utf8) } == decoded.map { Array($0.utf8) }
        }
        var random = SeededGenerator(seed: 7)
        let pieces: [[UInt8]] = [
            [0x41], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBB, 0xBF], [0xFF], [0xC0, 0x80],
            [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F], [0xEF, 0xBF, 0xBF], [0xEF, 0xBF, 0xBE], [0xF4, 0x8F, 0xBF, 0xBF], [0x00],
        ]
        var failures: [[UInt8]] = []
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                bytes += Bool.random(using: &random) ? pieces.randomElement(using: &random)! : [UInt8.random(in: 0...255, using: &random)]
            }
            if !check(bytes) { failures.append(bytes) }
        }
        for first in UInt8.min...UInt8.max {
            if !check([first]) { failures.append([first]) }
            for second in UInt8.min...UInt8.max {
                if !check([first, second]) { failures.append([first, second]) }
            }
        }
        for first in UInt8(0xC0)...0xFF {
            for second in UInt8(0x70)...0xC5 {
                for third in [0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF] as [UInt8] where !check([first, second, third]) {
                    failures.append([first, second, third])
                }
            }
        }
        #expect(failures == [])
    }
}
