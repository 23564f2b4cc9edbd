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

    /// Loads and verifies the rules; `jit` pays off only when much text will be linted.
    func loadRules(jit: Bool = true) throws -> [Rule] {
        let directory = try ShippedFolder.rules(explicit: rules).directory()
        do {
            return try RuleLoader(jit: jit).load(directory: directory)
        } catch {
            throw InputError("invalid rules: \(error)")
        }
    }
}
