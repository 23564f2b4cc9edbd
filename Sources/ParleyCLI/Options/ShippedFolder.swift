import Foundation

/// Finds a shipped data folder (`rules` or `templates`): the command-line option, then its
/// environment variable, then the package checkout the executable was built in (walking up from
/// it, symlinks resolved, to the folder holding `Package.swift`), then `<prefix>/share/parley/<name>`
/// beside an installed `<prefix>/bin/parley`. Never the working directory, so the result does not
/// depend on where the seller runs the command.
struct ShippedFolder {
    /// `rules` or `templates`: the folder's name in the checkout and under `share/parley/`.
    var name: String
    /// `--rules`, `--templates`: named in the error when nothing is found.
    var option: String
    /// `PARLEY_RULES`, `PARLEY_TEMPLATES`.
    var environmentVariable: String
    var explicit: String?
    var environment: [String: String]
    var executable: URL?

    func candidates() -> [URL] {
        if let explicit { return [URL(fileURLWithPath: explicit)] }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return [URL(fileURLWithPath: fromEnvironment)]
        }
        var result: [URL] = []
        if let executable {
            var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            while directory.path != "/" {
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                    result.append(directory.appendingPathComponent(name))
                    break
                }
                directory.deleteLastPathComponent()
            }
            let prefix = executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            result.append(prefix.appendingPathComponent("share/parley/\(name)"))
        }
        return result
    }

    func directory() throws -> URL {
        let tried = candidates()
        for url in tried {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return url }
        }
        throw InputError(
            "no \(name) folder found; tried: \(tried.map(\.path).joined(separator: ", ")) (use \(option) DIR or \(environmentVariable))")
    }

    /// The rule pack's folder for this process.
    static func rules(explicit: String?) -> ShippedFolder {
        current(name: "rules", option: "--rules", environmentVariable: "PARLEY_RULES", explicit: explicit)
    }

    /// The templates' folder for this process.
    static func templates(explicit: String?) -> ShippedFolder {
        current(name: "templates", option: "--templates", environmentVariable: "PARLEY_TEMPLATES", explicit: explicit)
    }

    private static func current(name: String, option: String, environmentVariable: String, explicit: String?) -> ShippedFolder {
        ShippedFolder(
            name: name, option: option, environmentVariable: environmentVariable, explicit: explicit,
            environment: ProcessInfo.processInfo.environment,
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
    }
}
