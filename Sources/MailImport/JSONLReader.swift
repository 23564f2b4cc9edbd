import Foundation

/// Reads a JSON Lines export: one JSON object per line with the documented fields (`ExportRecord`);
/// `attachments` is `[{"name": …, "bytes": …}]`. Blank lines are skipped; a line that is not an object
/// or has a bad field becomes an issue at its line number, and reading goes on.
public struct JSONLReader: Sendable {
    public let amazon: AmazonRelay

    public init(amazon: AmazonRelay) {
        self.amazon = amazon
    }

    public func read(_ bytes: [UInt8], file: String, _ handle: (ImportEvent) throws -> Void) rethrows {
        var lineNumber = 0
        for line in bytes.byteLines() {
            lineNumber += 1
            var start = line.start
            if lineNumber == 1, bytes.hasBytes([0xEF, 0xBB, 0xBF], at: start) { start += 3 }
            let slice = bytes[start..<line.contentEnd]
            guard slice.contains(where: { !($0 == 0x20 || $0 == 0x09) }) else { continue }
            let position = SourcePosition(file: file, line: lineNumber)
            switch record(slice, position: position) {
            case .success(let message): try handle(.message(message))
            case .failure(let issue): try handle(.issue(issue))
            }
        }
    }

    private func record(_ slice: ArraySlice<UInt8>, position: SourcePosition) -> Result<ImportedMessage, ImportIssue> {
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
            return .success(try record.message(source: position, amazon: amazon))
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
        if let string = value as? String, let flag = ExportRecord.flag(string) { return flag }
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
            // Bounded before `intValue`, which must not see a value outside Int's range.
            guard let number = object["bytes"] as? NSNumber, !Self.isBool(number), number.doubleValue >= 0,
                number.doubleValue < 1e15, number.doubleValue == number.doubleValue.rounded()
            else {
                throw ImportIssue(position: position, message: "attachment '\(name)' needs 'bytes' as a whole number ≥ 0")
            }
            result.append(ImportedAttachment(name: name, bytes: number.intValue))
        }
        return result
    }

    /// JSONSerialization returns booleans as NSNumber; tell them from 0 and 1.
    private static func isBool(_ number: NSNumber) -> Bool {
        #if canImport(Darwin)
            return CFGetTypeID(number) == CFBooleanGetTypeID()
        #else
            return String(cString: number.objCType) == "c" && (number == true as NSNumber || number == false as NSNumber)
        #endif
    }
}
