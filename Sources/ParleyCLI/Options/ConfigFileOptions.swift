import ArgumentParser
import ParleyConfig

/// `--config FILE`: the Parley config file (the seller's addresses). Not the lint configuration that
/// `parley lint --config` reads: that file says how to lint, this one who the seller is.
struct ConfigFileOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The Parley config file (default: $PARLEY_CONFIG, else $XDG_CONFIG_HOME/parley/config.yaml, else ~/.config/parley/config.yaml).",
            valueName: "file"))
    var config: String?

    /// The settings, or an input error (exit 2) naming the file, line and column.
    func settings(environment: [String: String]) throws -> ParleySettings {
        do {
            return try ConfigFile.settings(option: config, environment: environment)
        } catch {
            throw InputError(error.description)
        }
    }
}
