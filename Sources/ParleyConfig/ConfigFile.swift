import Foundation

/// Where the Parley config file is, first hit wins: `--config FILE`, then `PARLEY_CONFIG`, then
/// `$XDG_CONFIG_HOME/parley/config.yaml` (an absolute `XDG_CONFIG_HOME` only, as the XDG spec says),
/// then `~/.config/parley/config.yaml`. A file the user named must exist; the default place may be
/// empty, and then there are no settings.
public struct ConfigFile: Sendable, Hashable {
    public static let environmentVariable = "PARLEY_CONFIG"

    /// How the path was found, which decides whether a missing file is an error.
    public enum Origin: String, Sendable, Hashable {
        /// `--config FILE`.
        case option
        /// `PARLEY_CONFIG`.
        case environment
        /// The XDG or home default.
        case defaultPlace
    }

    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// The config file's place; nil when neither the option, the variable, `XDG_CONFIG_HOME` nor
    /// `HOME` gives one.
    public static func locate(option: String?, environment: [String: String]) -> ConfigFile? {
        if let option, !option.isEmpty { return ConfigFile(path: option, origin: .option) }
        if let named = environment[environmentVariable], !named.isEmpty { return ConfigFile(path: named, origin: .environment) }
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            return ConfigFile(
                path: URL(fileURLWithPath: configHome).appendingPathComponent("parley/config.yaml").path, origin: .defaultPlace)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return ConfigFile(
                path: URL(fileURLWithPath: home).appendingPathComponent(".config/parley/config.yaml").path, origin: .defaultPlace)
        }
        return nil
    }

    /// The settings from the file the option or the environment points to, or none at all.
    public static func settings(option: String?, environment: [String: String]) throws(ConfigFileError) -> ParleySettings {
        guard let file = locate(option: option, environment: environment) else { return ParleySettings() }
        return try file.load()
    }

    /// Reads and parses the file. A missing file at the default place is no settings; anywhere
    /// else it is an error, since the user asked for that file.
    public func load() throws(ConfigFileError) -> ParleySettings {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if origin == .defaultPlace { return ParleySettings() }
            let named = origin == .environment ? " (named by \(Self.environmentVariable))" : ""
            throw ConfigFileError(file: path, message: "no such config file\(named)")
        }
        guard !isDirectory.boolValue else { throw ConfigFileError(file: path, message: "the config file is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError(file: path, message: "cannot read the config file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(file: path, message: "the config file is not UTF-8 text")
        }
        return try ConfigFileParser.parse(text, file: path)
    }
}
