import Foundation

/// Whether to colour output: only when standard output is a terminal and `NO_COLOR` is not set
/// (https://no-color.org: any non-empty value disables colour).
enum Terminal {
    static func wantsColor(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
