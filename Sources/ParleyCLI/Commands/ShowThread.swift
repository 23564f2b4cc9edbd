import ArgumentParser
import Foundation
import MessageLint
import MessageStore

extension Parley {
    /// `parley thread ID`: one conversation.
    public struct ShowThread: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "thread",
            abstract: "Show a conversation: every message, its clock, and the order's return requests.",
            discussion: """
                ID is a thread id as `parley inbox` prints it (T12, or just 12). Messages are listed oldest \
                first with their id (M345), time in UTC, sender, subject, text, attachments and where they were \
                imported from. Each customer message shows its 24-hour clock as of --as-of: answered in how \
                long (and by which message), answered late, waiting with the time left, overdue, or marked no \
                response needed. Messages after --as-of are left out and counted.

                Exit codes: 0, or 2 when there is no such thread or the store cannot be opened.

                Examples:
                  parley thread T12
                  parley thread 12 --format json
                """)

        @Argument(help: ArgumentHelp("The thread: T12 or 12.", valueName: "id"))
        var thread: ThreadArgument

        @OptionGroup var database: DatabaseOptions

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Show the thread as it was at this instant (\(Timestamp.formatHelp); default: now).", valueName: "time"))
        var asOf: Timestamp?

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        public init() {}

        public func run() throws { try output(useColor: Terminal.wantsColor()).emit() }

        public func output(
            clock: any WallClock = SystemClock(), useColor: Bool = false,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> CommandOutput {
            let asOf = self.asOf?.date ?? clock.now
            let store = try database.open(environment: environment)
            let conversation = try StoreAccess.run { try store.conversation(threadID: thread.id, asOf: asOf) }
            switch format {
            case .text: return CommandOutput(text: ThreadText(useColor: useColor).render(conversation))
            case .json: return CommandOutput(text: try StoreJSON.encode(ThreadReport(conversation)))
            }
        }
    }
}
