import Foundation
import PCRE2

/// The one entry point for `parley import`: reads a file or Maildir in any supported format into
/// `ImportedMessage` values, reporting bad records as `ImportIssue`s and carrying on.
public struct ImportReader: Sendable {
    public let parser: MailParser
    public let amazon: AmazonRelay

    public init(sellerAddresses: Set<String> = []) throws(ImportReadError) {
        do {
            parser = try MailParser(sellerAddresses: sellerAddresses)
            amazon = try AmazonRelay()
        } catch {
            throw .internalPattern("\(error)")
        }
    }

    /// Reads `path` whole. `format: .auto` detects it (`FormatDetector`).
    public static func read(path: String, format: ImportFormat = .auto, sellerAddresses: Set<String> = [])
        throws(ImportReadError) -> ParsedFile
    {
        try ImportReader(sellerAddresses: sellerAddresses).read(path: path, format: format)
    }

    public func read(path: String, format: ImportFormat = .auto) throws(ImportReadError) -> ParsedFile {
        var parsed = ParsedFile()
        do {
            try forEach(path: path, format: format) { parsed.record($0) }
        } catch let error as ImportReadError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        return parsed
    }

    /// Reads `path` (a file, a Maildir or a folder of `.eml` files) and hands each message, issue and
    /// warning to `handle` as it is read, so an importer can write a large file without holding all
    /// its messages. An error thrown by `handle` stops the reading and is rethrown.
    public func forEach(path: String, format: ImportFormat = .auto, _ handle: (ImportEvent) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            switch try FormatDetector.folderFormat(of: path, given: format) {
            case .maildir: try MaildirReader(parser: parser).read(directory: url, handle)
            default: try EMLFolderReader(parser: parser).read(folder: path, handle)
            }
            return
        }
        let resolved = format == .auto ? try FormatDetector.format(of: url) : format
        if resolved == .maildir { throw ImportReadError.notMaildir(path: path) }
        // A JSONL export can be large and is read line by line anyway: a piece at a time.
        if resolved == .jsonl, let pieces = FileLinePieces(path: path) {
            try JSONLReader(amazon: amazon).read(pieces, file: path, handle)
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(url)
        } catch {
            throw ImportReadError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        if resolved == .eml {
            // A lone .eml without any date still has one: when it was saved.
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            try EMLReader(parser: parser).read(bytes, file: path, fileDate: modified, handle)
            return
        }
        try parse(bytes, format: resolved, file: path, handle)
    }

    /// Parses bytes already in memory; `file` names them in positions. `.auto` sniffs the content;
    /// `.maildir` is not possible for bytes and yields an issue.
    public func parse(_ bytes: [UInt8], format: ImportFormat, file: String, _ handle: (ImportEvent) throws -> Void)
        rethrows
    {
        let resolved = format == .auto ? FormatDetector.format(ofContent: Array(bytes.prefix(4096))) ?? .eml : format
        switch resolved {
        case .jsonl: try JSONLReader(amazon: amazon).read(bytes, file: file, handle)
        case .csv: try CSVReader(amazon: amazon).read(bytes, file: file, handle)
        case .mbox: try MboxReader(parser: parser).read(bytes, file: file, handle)
        case .eml, .auto: try EMLReader(parser: parser).read(bytes, file: file, handle)
        case .maildir:
            try handle(.issue(ImportIssue(position: SourcePosition(file: file), message: "a Maildir must be a directory")))
        }
    }

    public func parse(_ bytes: [UInt8], format: ImportFormat, file: String) -> ParsedFile {
        var parsed = ParsedFile()
        parse(bytes, format: format, file: file) { parsed.record($0) }
        return parsed
    }
}
