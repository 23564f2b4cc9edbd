import ArgumentParser
import Foundation
import MessageLint

/// `--rules DIR`, shared by every command that needs the rule pack.
struct RulesOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The rules folder (default: $PARLEY_RULES, else the rules shipped with parley).", valueName: "dir"))
    var rules: String?

    /// Loads the rules with their examples (for listing and explaining them), running the examples
    /// unless this exact pack passed them before (a stored ``RulePackCacheFile``).
    func loadRules(jit: Bool = true) throws -> [Rule] {
        let (directory, file) = try locate()
        return try loadYAML(directory: directory, file: file, verified: file.cache?.holdsIntactPack ?? false, jit: jit)
    }

    /// Loads the rules for linting, without their examples: from the compiled pack when this exact
    /// pack and build stored one, else from the YAML (verifying the examples), storing the pack for
    /// the next run. `jit` pays off only when much text will be linted.
    func loadRulesForLinting(jit: Bool) throws -> [Rule] {
        let (directory, file) = try locate()
        if let rules = file.cache?.load(jit: jit) { return rules }
        return try loadYAML(directory: directory, file: file, verified: false, jit: jit)
    }

    private func locate() throws -> (URL, RulePackCacheFile) {
        let directory = try ShippedFolder.rules(explicit: rules).directory()
        let file = RulePackCacheFile(
            rules: directory, environment: ProcessInfo.processInfo.environment,
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
        return (directory, file)
    }

    private func loadYAML(directory: URL, file: RulePackCacheFile, verified: Bool, jit: Bool) throws -> [Rule] {
        let loaded: [Rule]
        do {
            loaded = try RuleLoader(verifyExamples: !verified, jit: jit).load(directory: directory)
        } catch {
            throw InputError("invalid rules: \(error)")
        }
        if !verified { file.store(loaded, now: Date()) }
        return loaded
    }
}
