import ArgumentParser
import Foundation

/// The `parley` command. Exit codes are a contract: 0 clean, 1 findings (errors, or warnings with
/// `--strict`), 2 usage or input error.
///
/// Every command spells out its `commandName`: deriving it from the type name makes ArgumentParser
/// look the type up at run time, a few milliseconds of every one-shot `parley lint`.
public struct Parley: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Keep Amazon buyer messages compliant and on time.",
        discussion: """
            Parley checks a drafted buyer message against Amazon's messaging rules before you send it: \
            external links, contact details, promotional content, review solicitation, attachments, \
            format limits and message-type rules. The rules are data in the rules/ folder; every \
            finding names its rule, its category and the policy behind it. `parley template` fills \
            reply templates for everyday situations and lints the result the same way.

            It also keeps the seller's buyer threads in a local store (--db, $PARLEY_DB, else \
            $XDG_DATA_HOME/parley/parley.sqlite or ~/.local/share/parley/parley.sqlite): `import` reads \
            mail (mbox, .eml, Maildir) and exports (JSONL, CSV) into it, `inbox` says what to answer \
            next, `thread` shows a conversation, `reply` checks and records an answer, `mark` \
            takes thank-you notes off the clock, `metrics` computes Contact Response Time as Seller \
            Central does, and `return` stops a return request's 48-hour clock.

            Exit codes: 0 no errors, 1 errors found (or warnings with --strict; a refused reply), 2 usage or input error.
            """,
        version: "0.1.0",
        subcommands: [
            Lint.self, Rules.self, Eval.self, Template.self, Import.self, Inbox.self, ShowThread.self, Mark.self, Reply.self, Metrics.self,
            Return.self,
        ]
    )

    public init() {}

    /// Runs the command line and exits with Parley's codes; ArgumentParser's own usage code (64) and
    /// its generic failure (1, which we keep for findings) both become 2.
    public static func main(_ arguments: [String]? = nil) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch let error where exitCode(for: error) == .success {
            Self.exit(withError: error)  // --help, --version
        } catch {
            FileHandle.standardError.write(Data((message(for: error) + "\n").utf8))
            Self.exit(withError: ExitCode(exitStatus(for: error)))
        }
    }

    /// Parley's exit code for an error thrown by parsing or running a command.
    public static func exitStatus(for error: any Error) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        return exitCode(for: error) == .success ? 0 : 2
    }

    /// The message printed for an error: ArgumentParser's (with usage) for usage errors, else
    /// `parley: error: …` naming the file, line or field.
    public static func message(for error: any Error) -> String {
        if let input = error as? InputError { return "parley: error: \(input.description)" }
        return fullMessage(for: error)
    }
}
