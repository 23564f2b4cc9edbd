import Foundation
import GRDB
import MailImport

extension Message {
    /// Every column, in the order ``init(positional:)`` reads them.
    static let positionalColumns = """
        id, threadId, externalID, rfcMessageID, inReplyTo, referenceIDs, direction, kind, sentAt, subject, body, attachments,
        asin, noResponseNeeded, noResponseNeededAt, isAutoReply, sourceFile, sourceLine, sourceMessageNumber
        """

    /// A row of `SELECT \(positionalColumns)`, read by position and with ``StoredDate``: the inbox
    /// reads one message per waiting thread (12,685 in the benchmark store), and GRDB's Codable
    /// decoding looked every column up by name and parsed dates through `Calendar`.
    init(positional row: Row, offset: Int = 0) throws {
        let direction: String = row[offset + 6]
        let kind: String = row[offset + 7]
        guard let parsedDirection = Direction(rawValue: direction), let parsedKind = MessageKind(rawValue: kind) else {
            throw StoreError.internalInconsistency("message \(row[offset] as Int64) has direction '\(direction)' and kind '\(kind)'")
        }
        self.init(
            id: row[offset], threadId: row[offset + 1], externalID: row[offset + 2], rfcMessageID: row[offset + 3],
            inReplyTo: row[offset + 4], referenceIDs: try Self.jsonArray(row[offset + 5]), direction: parsedDirection, kind: parsedKind,
            sentAt: try row.storedDate(at: offset + 8), subject: row[offset + 9], body: row[offset + 10],
            attachments: try Self.jsonArray(row[offset + 11]), asin: row[offset + 12], noResponseNeeded: row[offset + 13],
            noResponseNeededAt: try row.storedDateIfPresent(at: offset + 14), isAutoReply: row[offset + 15],
            source: SourcePosition(file: row[offset + 16], line: row[offset + 17], messageNumber: row[offset + 18]))
    }

    /// A JSON array column as GRDB's Codable records write it; almost always `[]`.
    private static func jsonArray<T: Decodable>(_ text: String) throws -> [T] {
        text == "[]" ? [] : try JSONDecoder().decode([T].self, from: Data(text.utf8))
    }
}
