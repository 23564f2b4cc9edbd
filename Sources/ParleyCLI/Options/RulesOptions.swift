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

    /// Loads the rules, running their examples unless this exact pack passed them before (see
    /// `ExampleVerificationStamp`); `jit` pays off only when much text will be linted.
    func loadRules(jit: Bool = true) throws -> [Rule] {
        let directory = try ShippedFolder.rules(explicit: rules).directory()
        let stamp = ExampleVerificationStamp(
            rules: directory, environment: ProcessInfo.processInfo.environment,
            executable: Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
        let verified = stamp.isPresent
        do {
            let loaded = try RuleLoader(verifyExamples: !verified, jit: jit).load(directory: directory)
            if !verified { stamp.record() }
            return loaded
        } catch {
            throw InputError("invalid rules: \(error)")
        }
    }
}
