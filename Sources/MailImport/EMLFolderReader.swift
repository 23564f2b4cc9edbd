import Foundation

/// Reads a folder of loose `.eml` files, as mail programs leave them when messages are dragged out
/// or exported one by one: every `*.eml` below it, in subfolders too. Files are read in path order,
/// so two imports of the same folder read the same messages in the same order whatever order the
/// file system lists them in. Hidden files and folders (`.DS_Store`, `.git`) are skipped. Each
/// message is positioned at its own file, named below the folder as the caller gave it.
public struct EMLFolderReader: Sendable {
    public let parser: MailParser

    public init(parser: MailParser) {
        self.parser = parser
    }

    /// What a walk of the folder found: the message files and the subfolders it could not list.
    public struct Listing: Sendable, Hashable {
        /// Paths of the `.eml` files, `folder/sub/name.eml`, sorted.
        public var messageFiles: [String]
        /// Folders that could not be listed (permissions), reported rather than silently skipped.
        public var unreadableFolders: [String]
    }

    /// The `.eml` files below `folder` (a path as the user gave it), without reading them.
    public static func listing(of folder: String) -> Listing {
        var listing = Listing(messageFiles: [], unreadableFolders: [])
        let root = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        walk(root, into: &listing, stopAtFirstMessage: false)
        listing.messageFiles.sort()
        listing.unreadableFolders.sort()
        return listing
    }

    /// Adds what is below `folder` to `listing`; with `stopAtFirstMessage`, returns as soon as one
    /// message file is found (format detection need not list a large folder). True when it stopped.
    @discardableResult
    private static func walk(_ folder: String, into listing: inout Listing, stopAtFirstMessage: Bool) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            listing.unreadableFolders.append(folder)
            return false
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder == "/" ? "/" + name : folder + "/" + name
            // The entry's own type, not its target's: a link to a folder is not followed, so a
            // link back up the tree cannot make the walk endless. A link to a file is read.
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                if walk(path, into: &listing, stopAtFirstMessage: stopAtFirstMessage) { return true }
            } else if (name as NSString).pathExtension.lowercased() == "eml" {
                listing.messageFiles.append(path)
                if stopAtFirstMessage { return true }
            }
        }
        return false
    }

    /// Whether `folder` holds at least one `.eml` file, at any depth.
    public static func containsMessages(_ folder: String) -> Bool {
        var listing = Listing(messageFiles: [], unreadableFolders: [])
        return walk(folder, into: &listing, stopAtFirstMessage: true)
    }

    public func read(folder: String, _ handle: (ImportEvent) throws -> Void) throws {
        let listing = Self.listing(of: folder)
        for unreadable in listing.unreadableFolders {
            try handle(.issue(ImportIssue(position: SourcePosition(file: unreadable), message: "cannot list the folder")))
        }
        let reader = EMLReader(parser: parser)
        for path in listing.messageFiles {
            guard let data = FileManager.default.contents(atPath: path) else {
                try handle(.issue(ImportIssue(position: SourcePosition(file: path), message: "cannot read the message file")))
                continue
            }
            // As for a lone .eml: a message without any date was at least saved at some point.
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            try reader.read([UInt8](data), file: path, fileDate: modified, handle)
        }
    }
}
