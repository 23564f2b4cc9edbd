import Dispatch
import Foundation
import Synchronization

/// Reads a JSON Lines export: one JSON object per line with the documented fields (`ExportRecord`);
/// `attachments` is `[{"name": …, "bytes": …}]`. Blank lines are skipped; a line that is not an object
/// or has a bad field becomes an issue at its line number, and reading goes on.
public struct JSONLReader: Sendable {
    public let amazon: AmazonRelay

    public init(amazon: AmazonRelay) {
        self.amazon = amazon
    }

    /// A non-blank line: its bytes (without the line break) and its 1-based number.
    private struct Line: Sendable {
        var range: Range<Int>
        var number: Int
    }

    /// Lines decoded per batch: enough to keep every core busy between the hand-overs, few enough
    /// that a batch's messages (about 1.5 MB) stay small next to the file.
    static let batchLines = 4_096

    /// Decodes the lines on every core, a batch at a time, and hands the events to `handle` on the
    /// calling thread in file order, as a line-by-line reading would (JSONSerialization is about
    /// 25 s of a million-line export on one core).
    public func read(_ bytes: [UInt8], file: String, _ handle: (ImportEvent) throws -> Void) rethrows {
        var batch: [Line] = []
        batch.reserveCapacity(Self.batchLines)
        var lineNumber = 0
        for line in bytes.byteLines() {
            lineNumber += 1
            var start = line.start
            if lineNumber == 1, bytes.hasBytes([0xEF, 0xBB, 0xBF], at: start) { start += 3 }
            let range = start..<line.contentEnd
            guard bytes[range].contains(where: { !($0 == 0x20 || $0 == 0x09) }) else { continue }
            batch.append(Line(range: range, number: lineNumber))
            if batch.count == Self.batchLines {
                try hand(decode(batch, in: bytes, file: file), to: handle)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try hand(decode(batch, in: bytes, file: file), to: handle)
    }

    private func hand(_ results: [Result<ImportedMessage, ImportIssue>], to handle: (ImportEvent) throws -> Void) rethrows {
        for result in results {
            switch result {
            case .success(let message): try handle(.message(message))
            case .failure(let issue): try handle(.issue(issue))
            }
        }
    }

    /// The batch's records in its order. Each worker decodes a contiguous run of lines; the runs are
    /// put back together by index.
    private func decode(_ batch: [Line], in bytes: [UInt8], file: String) -> [Result<ImportedMessage, ImportIssue>] {
        guard batch.count > 1 else {
            return batch.map { record(bytes[$0.range], position: SourcePosition(file: file, line: $0.number)) }
        }
        // Several runs per core, so a core that is busy with other work does not hold up the batch.
        let runs = min(batch.count, 8 * ProcessInfo.processInfo.activeProcessorCount)
        let decoded = Mutex<[[Result<ImportedMessage, ImportIssue>]]>(Array(repeating: [], count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let lines = batch[batch.count * run / runs..<batch.count * (run + 1) / runs]
            let results = lines.map { record(bytes[$0.range], position: SourcePosition(file: file, line: $0.number)) }
            decoded.withLock { $0[run] = results }
        }
        return decoded.withLock { $0.flatMap(\.self) }
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
