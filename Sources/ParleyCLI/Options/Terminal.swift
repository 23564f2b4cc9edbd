import Foundation

/// What the terminal allows: colour only when standard output is a terminal and `NO_COLOR` is not
/// set (https://no-color.org: any non-empty value disables colour); progress lines only when
/// standard error is a terminal, so logs and pipes never collect `\r` updates.
enum Terminal {
    static func wantsColor(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    static func standardErrorIsTerminal() -> Bool { isatty(STDERR_FILENO) == 1 }
}
