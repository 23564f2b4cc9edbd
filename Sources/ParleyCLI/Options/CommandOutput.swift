import ArgumentParser
import Foundation

/// What a command prints and the exit code it asks for. Commands compute it without printing, so
/// tests run them in process and check all three.
public struct CommandOutput: Sendable, Equatable {
    public var text: String
    public var exitCode: Int32
    /// Notes for standard error (e.g. which template variant stood in), so standard output stays
    /// exactly the result.
    public var notes: String

    public init(text: String, exitCode: Int32 = 0, notes: String = "") {
        self.text = text
        self.exitCode = exitCode
        self.notes = notes
    }

    /// Prints the text (and the notes to standard error) and exits non-zero when asked to.
    /// `notesFirst` prints the notes before the text, for notes that come before a closing summary.
    func emit(notesFirst: Bool = false) throws {
        if notesFirst, !notes.isEmpty { FileHandle.standardError.write(Data(notes.utf8)) }
        FileHandle.standardOutput.write(Data(text.utf8))
        if !notesFirst, !notes.isEmpty { FileHandle.standardError.write(Data(notes.utf8)) }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
