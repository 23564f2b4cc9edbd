import ArgumentParser
import Foundation
import MessageLint
import MessageStore

extension Parley {
    /// `parley reply THREAD --file DRAFT`: check a reply against the rules and the thread's history,
    /// then record it.
    public struct Reply: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "reply",
            abstract: "Check a reply with the rule pack and the thread's history, record it, and write it as an email.",
            discussion: """
                The draft (a text file, or a JSON draft as `parley lint` reads it) is linted with the full rule \
                pack, plus two checks that need the store: a second review or feedback request for the same \
                order, and a seller-initiated message more than 30 days after the order's first message. A \
                draft in a thread where the buyer has not written is proactive and linted as such.

                Any error refuses the reply: nothing is recorded and the exit code is 1. --force --reason TEXT \
                records it anyway and keeps the reason and the overridden rules in the store's audit log. A \
                recorded reply stops the clocks of the buyer messages before it (--at, default now).

                With --eml OUT the reply is also written as a ready-to-send RFC 5322 message (UTF-8 plain text) \
                to the buyer's relay address, threaded with In-Reply-To and References. Its From is --from or \
                $PARLEY_FROM: the address registered for Buyer-Seller Messaging. Attachments are not written \
                into the .eml; attach them in your mail program.

                Exit codes: 0 recorded, 1 refused (errors found), 2 usage or input error.

                Examples:
                  parley reply T12 --file reply.txt
                  parley reply T12 --file reply.txt --eml reply.eml --from orders@shop.example
                  parley reply T12 --file reply.txt --force --reason "Buyer asked for the warranty desk address"
                """)

        @Argument(help: ArgumentHelp("The thread: T12 or 12.", valueName: "thread"))
        var thread: ThreadArgument

        @Option(help: ArgumentHelp("The draft: a text file, or a JSON draft (a file ending in .json).", valueName: "draft"))
        var file: String

        @Option(help: ArgumentHelp("When the reply is sent (\(Timestamp.formatHelp); default: now).", valueName: "time"))
        var at: Timestamp?

        @Flag(help: "Record the reply despite error findings (needs --reason).")
        var force = false

        @Option(help: ArgumentHelp("Why the errors are overridden; kept in the audit log.", valueName: "text"))
        var reason: String?

        @Option(help: ArgumentHelp("Also write the reply as an RFC 5322 email to this file.", valueName: "out"))
        var eml: String?

        @Option(help: ArgumentHelp("The seller's sending address for --eml (default: $PARLEY_FROM).", valueName: "address"))
        var from: String?

        @OptionGroup var rulesOptions: RulesOptions

        @OptionGroup var database: DatabaseOptions

        public init() {}

        public mutating func validate() throws {
            if force, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--force needs --reason TEXT: the reason is kept in the audit log.")
            }
            if !force, reason != nil { throw ValidationError("--reason goes with --force.") }
        }

        public func run() throws { try output(useColor: Terminal.wantsColor()).emit() }

        public func output(
            clock: any WallClock = SystemClock(), useColor: Bool = false,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> CommandOutput {
            let at = self.at?.date ?? clock.now
            let draft = try DraftReader(format: .auto).read(file)
            let sender = try emlSender(environment: environment)
            let linter = try Linter(rules: try rulesOptions.loadRulesForLinting(jit: false))
            let store = try database.open(environment: environment)
            if eml != nil {
                let target = try StoreAccess.run { try store.thread(id: thread.id) }
                guard let target else { throw InputError(StoreError.noSuchThread(thread.id).description) }
                guard target.replyAddress != nil else { throw InputError(StoreError.noReplyAddress(thread: thread.id).description) }
            }
            let domain = sender.flatMap { $0.split(separator: "@").last.map(String.init) } ?? "parley.invalid"
            let outcome = try StoreAccess.run {
                try store.recordReply(
                    thread: thread.id, draft: draft, at: at, linter: linter, force: force ? reason : nil, source: file,
                    messageIDDomain: domain)
            }
            var text = findingsText(outcome.findings, draft: draft, useColor: useColor)
            switch outcome {
            case let .refused(findings, _):
                let errors = findings.count { $0.severity == .error }
                text += "Not recorded: \(errors) error\(errors == 1 ? "" : "s"). "
                text += "Fix the draft, or record it anyway with --force --reason TEXT.\n"
                return CommandOutput(text: text, exitCode: 1)
            case let .recorded(reply):
                text += summary(reply)
                if let eml, let sender {
                    let email = try StoreAccess.run { try ReplyEmail(reply: reply, from: sender) }
                    do {
                        try Data(email.rendered.utf8).write(to: URL(fileURLWithPath: eml))
                    } catch {
                        throw InputError(
                            "\(eml): cannot write the email (the reply M\(reply.message.id ?? 0) is recorded): \(error.localizedDescription)"
                        )
                    }
                    text += "Wrote \(eml) to \(email.to).\n"
                }
                return CommandOutput(text: text)
            }
        }

        /// The From address when an email is wanted; checked before anything is recorded.
        private func emlSender(environment: [String: String]) throws -> String? {
            guard let eml else { return nil }
            let sender = from ?? environment["PARLEY_FROM"]
            guard let sender, sender.contains("@") else {
                throw InputError("--eml needs the seller's sending address: give --from ADDRESS or set PARLEY_FROM")
            }
            let folder = URL(fileURLWithPath: eml).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError("\(eml): no such folder \(folder)")
            }
            return sender
        }

        private func findingsText(_ findings: [Finding], draft: Draft, useColor: Bool) -> String {
            guard !findings.isEmpty else { return "" }
            let report = LintReport(results: [LintResult(source: file, findings: findings)])
            return TextReporter(useColor: useColor).render(report, drafts: [file: draft])
        }

        private func summary(_ reply: RecordedReply) -> String {
            let message = reply.message
            var text = "Recorded M\(message.id ?? 0) in T\(reply.thread.id ?? 0) at \(TimeText.utc(message.sentAt))"
            text += reply.isProactive ? " (proactive: nothing from the buyer before it).\n" : ".\n"
            if let audit = reply.audit {
                text += "Forced past \(audit.overriddenRules.joined(separator: ", ")); audit entry A\(audit.id ?? 0): \(audit.reason)\n"
            }
            return text
        }
    }
}
