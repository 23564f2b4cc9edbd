import Foundation

/// One record of a JSONL or CSV export, its documented fields already read as text or values:
/// `id, thread, order_id, from (buyer|seller|amazon), at (ISO 8601 with offset), subject, body,
/// no_response_needed, auto_reply, attachments`. Both readers build one and share its checks.
struct ExportRecord {
    var id: String?
    var thread: String?
    var orderID: String?
    var from: String?
    var at: String?
    var subject: String?
    var body: String?
    var noResponseNeeded = false
    var autoReply = false
    var attachments: [ImportedAttachment] = []

    /// The documented field names, in order: the JSONL reader's names.
    static let fieldNames = JSONLRecordFields.Name.allCases.map { "\($0.key)" }

    /// The message, or the first thing wrong with the record. An Amazon record whose subject is a
    /// return or cancellation request gets that kind; other Amazon records are notices.
    func message(source: SourcePosition, amazon: AmazonRelay) throws(ImportIssue) -> ImportedMessage {
        guard let fromText = from?.trimmingWhitespaces(), !fromText.isEmpty else {
            throw ImportIssue(position: source, message: "missing 'from' (buyer, seller or amazon)")
        }
        // Exports write the names in lower case; only others need lower-casing.
        guard let direction = Direction(rawValue: fromText) ?? Direction(rawValue: fromText.lowercased()) else {
            throw ImportIssue(position: source, message: "'from' is '\(fromText)', expected buyer, seller or amazon")
        }
        guard let atText = at?.trimmingWhitespaces(), !atText.isEmpty else {
            throw ImportIssue(position: source, message: "missing 'at' (ISO 8601 time with offset)")
        }
        guard let date = MailDate.parseISO8601(atText) else {
            throw ImportIssue(
                position: source, message: "'at' is '\(atText)', expected ISO 8601 with an offset (2026-03-01T09:30:00+01:00)")
        }
        let subject = subject ?? ""
        let body = (body ?? "").replacingLineBreaks()
        var kind = MessageKind.message
        if direction == .amazon {
            kind =
                amazon.isReturnRequest(subject: subject)
                ? .returnRequest : amazon.isCancellationRequest(subject: subject) ? .cancellationRequest : .notice
        }
        let trimmedID = id?.trimmingWhitespaces()
        let externalID =
            trimmedID.flatMap { $0.isEmpty ? nil : $0 }
            ?? ContentHash.fnv1a64([
                direction.rawValue, String(Int(date.date.timeIntervalSince1970)), subject, body, thread ?? "",
            ])
        let nonEmpty = { (text: String?) -> String? in
            guard let trimmed = text?.trimmingWhitespaces(), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        return ImportedMessage(
            externalID: externalID, direction: direction, sentAt: date.date, subject: subject, body: body,
            attachments: attachments, threadKey: nonEmpty(thread), orderID: nonEmpty(orderID), kind: kind,
            noResponseNeeded: noResponseNeeded, isAutoReply: autoReply, source: source)
    }

    /// `true/false`, `1/0`, `yes/no`; empty is false.
    static func flag(_ text: String) -> Bool? {
        switch text.trimmingWhitespaces().lowercased() {
        case "", "false", "0", "no", "n", "f": false
        case "true", "1", "yes", "y", "t": true
        default: nil
        }
    }
}
