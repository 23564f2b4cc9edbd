import Foundation
import MessageLint

/// Finds the rules folder: `--rules`, then `PARLEY_RULES`, then the package checkout the executable
/// was built in (walking up from it, symlinks resolved), then `<prefix>/share/parley/rules` beside
/// an installed `<prefix>/bin/parley`. Never the working directory, so the result does not depend on
/// where the seller runs the command.
struct ShippedRules {
    var explicit: String?
    var environment: [String: String]
    var executable: URL?

    static let folderName = "rules"

    func candidates() -> [URL] {
        if let explicit { return [URL(fileURLWithPath: explicit)] }
        if let fromEnvironment = environment["PARLEY_RULES"], !fromEnvironment.isEmpty {
            return [URL(fileURLWithPath: fromEnvironment)]
        }
        var result: [URL] = []
        if let executable {
            var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            while directory.path != "/" {
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                    result.append(directory.appendingPathComponent(Self.folderName))
                    break
                }
                directory.deleteLastPathComponent()
            }
            let prefix = executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            result.append(prefix.appendingPathComponent("share/parley/\(Self.folderName)"))
        }
        return result
    }

    func directory() throws -> URL {
        let tried = candidates()
        for url in tried {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return url }
        }
        throw InputError("no rules folder found; tried: \(tried.map(\.path).joined(separator: ", ")) (use --rules DIR or PARLEY_RULES)")
    }

    static func current(explicit: String?) -> ShippedRules {
        ShippedRules(
            explicit: explicit, environment: ProcessInfo.processInfo.environment,
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
    }
}
