import ArgumentParser
import Foundation
import MessageLint
import MessageStore

extension Parley {
    /// `parley inbox`: what to answer next.
    public struct Inbox: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "inbox",
            abstract: "List the threads with customer messages waiting for a reply, most urgent first.",
            discussion: """
                Every buyer message that is not an auto-reply and not marked no-response-needed starts a \
                24-hour clock on the wall clock (weekends and holidays count). The next seller reply in the \
                thread that is not an auto-reply stops the clocks of all earlier buyer messages; a later buyer \
                message starts a new one. A thread is listed while any clock runs, ordered by its oldest \
                message's due time: overdue first.

                Each thread shows its id (T12, for `parley thread`, `parley reply` and `parley mark`), the time \
                left or overdue, the buyer, the order, the subject and the buyer's latest words. On a terminal, \
                overdue threads are red and threads with under 4 hours left yellow (never when NO_COLOR is set).

                The first line counts every waiting thread; the list shows the 50 most urgent (--limit N for \
                another number, --all for every one), and says so when some are left out. JSON: \
                total_threads and overdue_threads count them all, limit is the --limit in force (null with \
                --all) and threads lists the ones shown.

                Exit codes: 0, or 2 when the store cannot be opened or an option is invalid.

                Examples:
                  parley inbox
                  parley inbox --as-of 2026-03-01T12:00:00Z --format json
                  parley inbox --limit 10
                  parley inbox --all
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Show the inbox as it was at this instant (\(Timestamp.formatHelp); default: now).", valueName: "time"))
        var asOf: Timestamp?

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("List at most this many threads, the most urgent (default: 50).", valueName: "n"))
        var limit: Int = Self.defaultLimit

        @Flag(help: "List every waiting thread.")
        var all = false

        /// Enough for a working session; the header still counts every waiting thread.
        public static let defaultLimit = 50

        public init() {}

        public func validate() throws {
            guard limit >= 1 else { throw ValidationError("--limit expects a number of threads ≥ 1, not \(limit).") }
        }

        public func run() throws { try output(useColor: Terminal.wantsColor()).emit() }

        public func output(
            clock: any WallClock = SystemClock(), useColor: Bool = false,
            environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> CommandOutput {
            let asOf = self.asOf?.date ?? clock.now
            let store = try database.open(environment: environment)
            let shown = all ? nil : limit
            let page = try StoreAccess.run { try store.inbox(asOf: asOf, limit: shown) }
            switch format {
            case .text: return CommandOutput(text: InboxText(useColor: useColor).render(page, asOf: asOf))
            case .json: return CommandOutput(text: try StoreJSON.encode(InboxReport(page: page, limit: shown, asOf: asOf)))
            }
        }
    }
}
