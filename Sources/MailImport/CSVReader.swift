import Foundation

/// Reads a CSV export (RFC 4180) whose first row names the columns; the documented fields are those
/// of `ExportRecord`, other columns are ignored, `attachments` is `name:bytes;name:bytes`. A record
/// with the wrong number of fields or a bad value becomes an issue at the line it starts on.
public struct CSVReader: Sendable {
    public let amazon: AmazonRelay

    public init(amazon: AmazonRelay) {
        self.amazon = amazon
    }

    public func read(_ bytes: [UInt8], file: String, _ handle: (ImportEvent) throws -> Void) rethrows {
        let records = CSVTable.records(bytes)
        guard let header = records.first else { return }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = ["from", "at"].filter { !names.contains($0) }
        guard missing.isEmpty, header.problem == nil else {
            let message =
                "the first row must name the columns (\(ExportRecord.fieldNames.joined(separator: ", "))); "
                + (missing.isEmpty ? header.problem ?? "" : "missing \(missing.joined(separator: " and "))")
            try handle(.issue(ImportIssue(position: SourcePosition(file: file, line: header.line), message: message)))
            return
        }
        var column: [String: Int] = [:]
        for (index, name) in names.enumerated() where column[name] == nil { column[name] = index }
        for record in records.dropFirst() {
            let position = SourcePosition(file: file, line: record.line)
            if record.fields.count == 1, record.fields[0].isEmpty, record.problem == nil { continue }  // blank line
            if let problem = record.problem {
                try handle(.issue(ImportIssue(position: position, message: problem)))
                continue
            }
            guard record.fields.count == names.count else {
                try handle(
                    .issue(
                        ImportIssue(
                            position: position, message: "expected \(names.count) fields, found \(record.fields.count)")))
                continue
            }
            switch message(record, column: column, position: position) {
            case .success(let message): try handle(.message(message))
            case .failure(let issue): try handle(.issue(issue))
            }
        }
    }

    private func message(_ record: CSVTable.Record, column: [String: Int], position: SourcePosition) -> Result<
        ImportedMessage, ImportIssue
    > {
        func value(_ name: String) -> String? { column[name].map { record.fields[$0] } }
        var export = ExportRecord()
        export.id = value("id")
        export.thread = value("thread")
        export.orderID = value("order_id")
        export.from = value("from")
        export.at = value("at")
        export.subject = value("subject")
        export.body = value("body")
        do throws(ImportIssue) {
            for (name, keyPath) in [("no_response_needed", \ExportRecord.noResponseNeeded), ("auto_reply", \.autoReply)] {
                guard let text = value(name) else { continue }
                guard let flag = ExportRecord.flag(text) else {
                    throw ImportIssue(position: position, message: "'\(name)' is '\(text)', expected true or false")
                }
                export[keyPath: keyPath] = flag
            }
            if let text = value("attachments") { export.attachments = try Self.attachments(text, position: position) }
            return .success(try export.message(source: position, amazon: amazon))
        } catch {
            return .failure(error)
        }
    }

    /// `name:bytes;name:bytes`; a name may itself contain `:` (the last one separates the size).
    static func attachments(_ text: String, position: SourcePosition) throws(ImportIssue) -> [ImportedAttachment] {
        var result: [ImportedAttachment] = []
        for item in text.split(separator: ";") {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.lastIndex(of: ":"),
                let bytes = Int(trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)), bytes >= 0,
                !trimmed[..<colon].isEmpty
            else {
                throw ImportIssue(position: position, message: "attachment '\(trimmed)' is not name:bytes")
            }
            result.append(ImportedAttachment(name: String(trimmed[..<colon]), bytes: bytes))
        }
        return result
    }
}
