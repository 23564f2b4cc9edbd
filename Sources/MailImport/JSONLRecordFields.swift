/// The documented fields of one JSONL line as its JSON gave them (`JSONLRecordDecoder`), before they
/// are checked: a field that is absent is nil, one given twice holds its last value, as
/// JSONSerialization's dictionary did. `exportRecord` applies the checks, with the messages the
/// import has always given.
struct JSONLRecordFields {
    /// A JSON value of a field. Arrays and objects are never read into: no text or flag field takes one.
    enum Value {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case container
    }

    /// One element of `attachments`: an object's `name` and `bytes` (other keys skipped), or
    /// anything else.
    enum Attachment {
        case object(name: Value?, bytes: Value?)
        case other
    }

    /// `attachments`: a list, or any other value (null is no attachments; the rest is an issue).
    enum Attachments {
        case list([Attachment])
        case other(Value)
    }

    /// The fields the record reads, by their names in the JSON.
    enum Name: CaseIterable {
        case id, thread, orderID, from, at, subject, body, noResponseNeeded, autoReply, attachments

        var key: StaticString {
            switch self {
            case .id: "id"
            case .thread: "thread"
            case .orderID: "order_id"
            case .from: "from"
            case .at: "at"
            case .subject: "subject"
            case .body: "body"
            case .noResponseNeeded: "no_response_needed"
            case .autoReply: "auto_reply"
            case .attachments: "attachments"
            }
        }
    }

    var id: Value?
    var thread: Value?
    var orderID: Value?
    var from: Value?
    var at: Value?
    var subject: Value?
    var body: Value?
    var noResponseNeeded: Value?
    var autoReply: Value?
    var attachments: Attachments?

    /// Sets a field other than `attachments`.
    mutating func set(_ name: Name, _ value: Value) {
        switch name {
        case .id: id = value
        case .thread: thread = value
        case .orderID: orderID = value
        case .from: from = value
        case .at: at = value
        case .subject: subject = value
        case .body: body = value
        case .noResponseNeeded: noResponseNeeded = value
        case .autoReply: autoReply = value
        case .attachments: attachments = .other(value)
        }
    }

    /// The record, or the first field in documented order that has the wrong type.
    func exportRecord(at position: SourcePosition) throws(ImportIssue) -> ExportRecord {
        var record = ExportRecord()
        record.id = try Self.text(id, "id", position, allowNumber: true)
        record.thread = try Self.text(thread, "thread", position, allowNumber: true)
        record.orderID = try Self.text(orderID, "order_id", position)
        record.from = try Self.text(from, "from", position)
        record.at = try Self.text(at, "at", position)
        record.subject = try Self.text(subject, "subject", position)
        record.body = try Self.text(body, "body", position)
        record.noResponseNeeded = try Self.flag(noResponseNeeded, "no_response_needed", position)
        record.autoReply = try Self.flag(autoReply, "auto_reply", position)
        record.attachments = try Self.attachments(attachments, position)
        return record
    }

    /// A string, or (`allowNumber`) a number as text: a whole number below 10^15 in digits, any other
    /// as `NSNumber.stringValue` gives it.
    private static func text(_ value: Value?, _ name: String, _ position: SourcePosition, allowNumber: Bool = false)
        throws(ImportIssue) -> String?
    {
        switch value {
        case nil, .null: return nil
        case .string(let string): return string
        case .number(let number) where allowNumber:
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return number.stringValue
        default: throw ImportIssue(position: position, message: "'\(name)' must be a string")
        }
    }

    /// `true`/`false`, the numbers 0 and 1, or a string `ExportRecord.flag` reads; absent or null is false.
    private static func flag(_ value: Value?, _ name: String, _ position: SourcePosition) throws(ImportIssue) -> Bool {
        switch value {
        case nil, .null: return false
        case .bool(let flag): return flag
        case .number(let number) where number.doubleValue == 0 || number.doubleValue == 1: return number.doubleValue == 1
        case .string(let string):
            if let flag = ExportRecord.flag(string) { return flag }
        default: break
        }
        throw ImportIssue(position: position, message: "'\(name)' must be true or false")
    }

    private static func attachments(_ value: Attachments?, _ position: SourcePosition) throws(ImportIssue) -> [ImportedAttachment] {
        let list: [Attachment]
        switch value {
        case nil, .other(.null): return []
        case .list(let items): list = items
        case .other: throw ImportIssue(position: position, message: "'attachments' must be a list of {\"name\", \"bytes\"}")
        }
        var result: [ImportedAttachment] = []
        result.reserveCapacity(list.count)
        for (index, item) in list.enumerated() {
            guard case .object(.string(let name)?, let bytes) = item else {
                throw ImportIssue(position: position, message: "attachment \(index + 1) has no 'name'")
            }
            // Bounded before `intValue`, which must not see a value outside Int's range.
            guard case .number(let number)? = bytes, number.doubleValue >= 0, number.doubleValue < 1e15,
                number.doubleValue == number.doubleValue.rounded()
            else {
                throw ImportIssue(position: position, message: "attachment '\(name)' needs 'bytes' as a whole number ≥ 0")
            }
            result.append(ImportedAttachment(name: name, bytes: number.intValue))
        }
        return result
    }
}
