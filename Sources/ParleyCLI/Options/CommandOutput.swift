import ArgumentParser
import Foundation

/// What a command prints and the exit code it asks for. Commands compute it without printing, so
/// tests run them in process and check both.
public struct CommandOutput: Sendable, Equatable {
    public var text: String
    public var exitCode: Int32

    public init(text: String, exitCode: Int32 = 0) {
        self.text = text
        self.exitCode = exitCode
    }

    /// Prints the text and exits non-zero when asked to.
    func emit() throws {
        FileHandle.standardOutput.write(Data(text.utf8))
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
