import Foundation

/// Picks the format of an input for `--format auto`: a directory with `cur/` or `new/` is a Maildir,
/// any other directory with `.eml` files in it (at any depth) a folder of single messages (`eml`);
/// then the extension (`.jsonl`/`.ndjson`, `.csv`, `.mbox`/`.mbx`, `.eml`); then the content: a first
/// line starting `From ` is mbox, `{` is JSONL, a header line naming `from` and `at` among commas is
/// CSV, and `Name: value` header lines are a single message.
public enum FormatDetector {
    public static func format(of url: URL) throws(ImportReadError) -> ImportFormat {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadable(path: url.path, reason: "no such file or directory")
        }
        if isDirectory.boolValue { return try folderFormat(of: url.path, given: .auto) }
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        case "mbox", "mbx": return .mbox
        case "eml": return .eml
        default: break
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .unreadable(path: url.path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        guard let format = format(ofContent: head) else { throw .unknownFormat(path: url.path) }
        return format
    }

    /// The format of the folder at `path` (named as given, for errors): `.maildir` or `.eml` (a
    /// folder of `.eml` files). `given` is the format asked for; `.auto` prefers a Maildir, whose
    /// `cur/` and `new/` hold files without the `.eml` extension.
    public static func folderFormat(of path: String, given: ImportFormat) throws(ImportReadError) -> ImportFormat {
        let url = URL(fileURLWithPath: path)
        switch given {
        case .maildir:
            guard MaildirReader.isMaildir(url) else { throw .notMaildir(path: path) }
            return .maildir
        case .auto:
            if MaildirReader.isMaildir(url) { return .maildir }
            guard EMLFolderReader.containsMessages(path) else { throw .noMailInFolder(path: path) }
            return .eml
        case .eml:
            guard EMLFolderReader.containsMessages(path) else { throw .noMailInFolder(path: path) }
            return .eml
        case .jsonl, .csv, .mbox:
            throw .folderForFileFormat(path: path, format: given)
        }
    }

    /// The format the first bytes of a file suggest, or nil.
    public static func format(ofContent head: [UInt8]) -> ImportFormat? {
        var start = head.hasBytes([0xEF, 0xBB, 0xBF], at: 0) ? 3 : 0
        while start < head.count, head[start] == 0x20 || head[start] == 0x09 || head[start] == 0x0D || head[start] == 0x0A {
            start += 1
        }
        guard start < head.count else { return nil }
        if head.hasBytes(Array("From ".utf8), at: start) { return .mbox }
        if head[start] == 0x7B { return .jsonl }
        let firstLine = head.byteLines(in: start..<head.count).first.map { Charset.headerText(head[$0.content]) } ?? ""
        let columns = Set(
            firstLine.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
            })
        if columns.contains("from"), columns.contains("at") { return .csv }
        if let colon = firstLine.firstIndex(of: ":"), !firstLine[..<colon].isEmpty,
            firstLine[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        {
            return .eml
        }
        return nil
    }
}
