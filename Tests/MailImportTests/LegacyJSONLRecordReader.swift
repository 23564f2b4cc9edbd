import Foundation

@testable import MailImport

/// How a JSONL line was read before `JSONLRecordDecoder`: JSONSerialization into `Any`, casts back,
/// then `ExportRecord.message` as it was (white space trimmed through `CharacterSet`, `from`
/// lower-cased, the date read from an array copy). Kept here, out of the shipped code, as the
/// reference the differential tests hold the new reader to.
struct LegacyJSONLRecordReader {
    let amazon: AmazonRelay

    /// The events `JSONLReader.read` gave for these bytes, line by line on one thread.
    func read(_ bytes: [UInt8], file: String) -> [Result<ImportedMessage, ImportIssue>] {
        var results: [Result<ImportedMessage, ImportIssue>] = []
        var lineNumber = 0
        for line in bytes.byteLines() {
            lineNumber += 1
            var start = line.start
            if lineNumber == 1, bytes.hasBytes([0xEF, 0xBB, 0xBF], at: start) { start += 3 }
            let range = start..<line.contentEnd
            guard bytes[range].contains(where: { !($0 == 0x20 || $0 == 0x09) }) else { continue }
            results.append(record(bytes[range], position: SourcePosition(file: file, line: lineNumber)))
        }
        return results
    }

    func record(_ slice: ArraySlice<UInt8>, position: SourcePosition) -> Result<ImportedMessage, ImportIssue> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(slice), options: [])
        } catch {
            return .failure(ImportIssue(position: position, message: "not valid JSON"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(ImportIssue(position: position, message: "not a JSON object"))
        }
        var record = ExportRecord()
        do throws(ImportIssue) {
            record.id = try text(fields["id"], "id", position, allowNumber: true)
            record.thread = try text(fields["thread"], "thread", position, allowNumber: true)
            record.orderID = try text(fields["order_id"], "order_id", position)
            record.from = try text(fields["from"], "from", position)
            record.at = try text(fields["at"], "at", position)
            record.subject = try text(fields["subject"], "subject", position)
            record.body = try text(fields["body"], "body", position)
            record.noResponseNeeded = try flag(fields["no_response_needed"], "no_response_needed", position)
            record.autoReply = try flag(fields["auto_reply"], "auto_reply", position)
            record.attachments = try attachments(fields["attachments"], position)
            return .success(try message(record, source: position))
        } catch {
            return .failure(error)
        }
    }

    private func text(_ value: Any?, _ name: String, _ position: SourcePosition, allowNumber: Bool = false)
        throws(ImportIssue) -> String?
    {
        guard let value, !(value is NSNull) else { return nil }
        if let string = value as? String { return string }
        if allowNumber, let number = value as? NSNumber, !Self.isBool(number) {
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return number.stringValue
        }
        throw ImportIssue(position: position, message: "'\(name)' must be a string")
    }

    private func flag(_ value: Any?, _ name: String, _ position: SourcePosition) throws(ImportIssue) -> Bool {
        guard let value, !(value is NSNull) else { return false }
        if let number = value as? NSNumber {
            if Self.isBool(number) { return number.boolValue }
            if number.doubleValue == 0 || number.doubleValue == 1 { return number.doubleValue == 1 }
        }
        if let string = value as? String, let flag = Self.flag(string) { return flag }
        throw ImportIssue(position: position, message: "'\(name)' must be true or false")
    }

    private func attachments(_ value: Any?, _ position: SourcePosition) throws(ImportIssue) -> [ImportedAttachment] {
        guard let value, !(value is NSNull) else { return [] }
        guard let list = value as? [Any] else {
            throw ImportIssue(position: position, message: "'attachments' must be a list of {\"name\", \"bytes\"}")
        }
        var result: [ImportedAttachment] = []
        for (index, item) in list.enumerated() {
            guard let object = item as? [String: Any], let name = object["name"] as? String else {
                throw ImportIssue(position: position, message: "attachment \(index + 1) has no 'name'")
            }
            guard let number = object["bytes"] as? NSNumber, !Self.isBool(number), number.doubleValue >= 0,
                number.doubleValue < 1e15, number.doubleValue == number.doubleValue.rounded()
            else {
                throw ImportIssue(position: position, message: "attachment '\(name)' needs 'bytes' as a whole number ≥ 0")
            }
            result.append(ImportedAttachment(name: name, bytes: number.intValue))
        }
        return result
    }

    private static func isBool(_ number: NSNumber) -> Bool {
        #if canImport(Darwin)
            return CFGetTypeID(number) == CFBooleanGetTypeID()
        #else
            return String(cString: number.objCType) == "c" && (number == true as NSNumber || number == false as NSNumber)
        #endif
    }

    // MARK: ExportRecord as it was

    private func message(_ record: ExportRecord, source: SourcePosition) throws(ImportIssue) -> ImportedMessage {
        guard let fromText = record.from.map(Self.trimmed), !fromText.isEmpty else {
            throw ImportIssue(position: source, message: "missing 'from' (buyer, seller or amazon)")
        }
        guard let direction = Direction(rawValue: fromText.lowercased()) else {
            throw ImportIssue(position: source, message: "'from' is '\(fromText)', expected buyer, seller or amazon")
        }
        guard let atText = record.at.map(Self.trimmed), !atText.isEmpty else {
            throw ImportIssue(position: source, message: "missing 'at' (ISO 8601 time with offset)")
        }
        guard let date = Self.parseISO8601(atText) else {
            throw ImportIssue(
                position: source, message: "'at' is '\(atText)', expected ISO 8601 with an offset (2026-03-01T09:30:00+01:00)")
        }
        let subject = record.subject ?? ""
        let body = (record.body ?? "").replacingLineBreaks()
        var kind = MessageKind.message
        if direction == .amazon {
            kind =
                amazon.isReturnRequest(subject: subject)
                ? .returnRequest : amazon.isCancellationRequest(subject: subject) ? .cancellationRequest : .notice
        }
        let trimmedID = record.id.map(Self.trimmed)
        let externalID =
            trimmedID.flatMap { $0.isEmpty ? nil : $0 }
            ?? ContentHash.fnv1a64([
                direction.rawValue, String(Int(date.date.timeIntervalSince1970)), subject, body, record.thread ?? "",
            ])
        let nonEmpty = { (text: String?) -> String? in
            guard let trimmed = text.map(Self.trimmed), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        return ImportedMessage(
            externalID: externalID, direction: direction, sentAt: date.date, subject: subject, body: body,
            attachments: record.attachments, threadKey: nonEmpty(record.thread), orderID: nonEmpty(record.orderID), kind: kind,
            noResponseNeeded: record.noResponseNeeded, isAutoReply: record.autoReply, source: source)
    }

    static func flag(_ text: String) -> Bool? {
        switch trimmed(text).lowercased() {
        case "", "false", "0", "no", "n", "f": false
        case "true", "1", "yes", "y", "t": true
        default: nil
        }
    }

    /// `String.trimmingWhitespaces` as it was.
    static func trimmed(_ text: String) -> String {
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, !CharacterSet.whitespaces.contains(first),
            !CharacterSet.whitespaces.contains(last)
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `MailDate.parseISO8601` as it was: the old trimming, then the same reading of the bytes (the
    /// reader changed how it trims and how it reaches the bytes, not how it reads them).
    static func parseISO8601(_ raw: String) -> MailDate? {
        Array(trimmed(raw).utf8).withUnsafeBufferPointer(MailDate.parseISO8601)
    }
}
