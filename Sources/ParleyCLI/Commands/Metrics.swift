import ArgumentParser
import Foundation
import MessageLint
import MessageStore

extension Parley {
    /// `parley metrics`: Contact Response Time and the return clock, computed offline.
    public struct Metrics: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "Compute Contact Response Time and the return late-response rate, as Seller Central shows them.",
            discussion: """
                For each window of W days ending at T (--as-of), the customer messages received in \
                (T − W days, T] are counted; events after T are ignored. A message's response is the first \
                seller message in its thread after it that is not an auto-reply: within 24 hours if it came at \
                most 24 hours later (exactly 24 hours is on time), late if later, no response if none came by T \
                and T is more than 24 hours after the message, pending if none came and T is at most 24 hours \
                after it; messages marked no-response-needed are excluded.

                  decided            = within 24 h + late + no response
                  on-time rate       = within 24 h / decided
                  late response rate = (late + no response) / decided   (none when decided is 0)
                  average response   = mean time to the response over answered messages
                  status             = good when the late response rate is at most 10 %, else at-risk

                Below the table: the customer messages of the last 7 days still unanswered, and the return \
                requests' late-response rate over 7, 30 and 60 days (48-hour clock, stopped only by \
                `parley return`). --format json prints one object per window with the keys days, from, to, \
                customer_messages, within_24h, late, no_response, pending, excluded, on_time_rate, \
                late_response_rate, average_response_seconds and status.

                Exit codes: 0, or 2 for an invalid option or a store that cannot be opened.

                Examples:
                  parley metrics
                  parley metrics --as-of 2026-03-31T00:00:00Z --windows 7,30,90 --format json
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("The end T of every window (\(Timestamp.formatHelp); default: now).", valueName: "time"))
        var asOf: Timestamp?

        @Option(help: ArgumentHelp("Window lengths in days, comma-separated (1 to 3650 each).", valueName: "days"))
        var windows = WindowList(days: ContactResponseTime.standardWindows)

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
            let report = try StoreAccess.run { try store.metrics(asOf: asOf, windows: windows.days) }
            switch format {
            case .text: return CommandOutput(text: MetricsText(useColor: useColor).render(report))
            case .json: return CommandOutput(text: try StoreJSON.encode(report))
            }
        }
    }
}
