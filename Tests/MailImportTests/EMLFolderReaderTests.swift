import Foundation
import MailImport
import TestSupport
import Testing

/// A folder of loose `.eml` files: every one below it, in path order, each message at its own file.
struct EMLFolderReaderTests {
    static let rubyMail = Fixtures.shared.appendingPathComponent("fixtures/email/ruby-mail")

    @Test func theSharedFixtureFolderImportsFileByFileInPathOrder() throws {
        // ruby-mail/ holds README.md and LICENSE.txt beside emails/*/…eml: only the .eml files count.
        let folder = Self.rubyMail.path
        #expect(try FormatDetector.format(of: Self.rubyMail) == .eml)
        let parsed = try ImportReader.read(path: folder, format: .auto)
        #expect(parsed.issues.isEmpty, "\(parsed.issues)")
        #expect(parsed.messages.count == RubyMailFixtureTests.allFiles.count)
        let expected = RubyMailFixtureTests.allFiles.map { "\(folder)/emails/\($0)" }.sorted()
        #expect(parsed.messages.map(\.source) == expected.map { SourcePosition(file: $0) })
        // The same messages as reading each file on its own, and again in the same order.
        let single = try ImportReader().read(path: expected[0], format: .eml)
        #expect(parsed.messages.first == single.messages.first)
        #expect(try ImportReader.read(path: folder + "/", format: .eml).messages.map(\.externalID) == parsed.messages.map(\.externalID))
    }

    @Test func subfoldersHiddenEntriesAndUnreadableFiles() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ subject: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("From: a@example.org\nSubject: \(subject)\nDate: Tue, 03 Mar 2026 01:00:00 +0000\n\nbody".utf8).write(to: url)
        }
        try write("b.eml", "b")
        try write("A/z.EML", "A/z")
        try write("a/2026/x.eml", "a/2026/x")
        try write(".hidden.eml", "hidden file")
        try write(".git/objects/y.eml", "hidden folder")
        try write("notes.txt", "not a message")
        // A link back up the tree is not followed, and a dangling link is reported, not fatal.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/loop").path, withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("gone.eml").path, withDestinationPath: root.appendingPathComponent("nowhere").path)

        let parsed = try ImportReader.read(path: root.path, format: .eml)
        #expect(parsed.messages.map(\.subject) == ["A/z", "a/2026/x", "b"])
        #expect(parsed.messages.map(\.source.file) == ["A/z.EML", "a/2026/x.eml", "b.eml"].map { root.path + "/" + $0 })
        #expect(
            parsed.issues == [
                ImportIssue(position: SourcePosition(file: root.path + "/gone.eml"), message: "cannot read the message file")
            ])
    }

    @Test func folderFormats() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path
        #expect(throws: ImportReadError.noMailInFolder(path: path)) { try ImportReader.read(path: path) }
        #expect(throws: ImportReadError.noMailInFolder(path: path)) { try FormatDetector.folderFormat(of: path, given: .eml) }
        #expect(throws: ImportReadError.notMaildir(path: path)) { try FormatDetector.folderFormat(of: path, given: .maildir) }
        #expect(throws: ImportReadError.folderForFileFormat(path: path, format: .mbox)) {
            try FormatDetector.folderFormat(of: path, given: .mbox)
        }
        try Data("From: a@example.org\n\nhi".utf8).write(to: root.appendingPathComponent("one.eml"))
        #expect(try FormatDetector.folderFormat(of: path, given: .auto) == .eml)
        // A Maildir wins over loose .eml files beside cur/ and new/.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("cur"), withIntermediateDirectories: true)
        #expect(try FormatDetector.folderFormat(of: path, given: .auto) == .maildir)
        #expect(try FormatDetector.folderFormat(of: path, given: .eml) == .eml)
        #expect(
            ImportReadError.noMailInFolder(path: "x").description
                == "x: a folder to import must be a Maildir (with cur/ or new/) or hold .eml files, and this one is neither")
    }
}
