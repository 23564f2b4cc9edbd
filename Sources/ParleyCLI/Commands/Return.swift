import ArgumentParser
import Foundation
import MessageStore

extension ReturnResolution: EnumerableFlag {
    public static func help(for value: ReturnResolution) -> ArgumentHelp? {
        switch value {
        case .authorized: "The return was authorized."
        case .refunded: "The buyer was refunded."
        case .closed: "The request was closed."
        }
    }
}

extension Parley {
    /// `parley return ORDER --authorized|--refunded|--closed`: stop a 48-hour return clock.
    public struct Return: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Record that a return request was authorized, refunded or closed.",
            discussion: """
                Amazon counts a return request late unless the seller authorizes the return, refunds, or \
                closes the request within 48 hours of receiving it; sending the buyer a message does not stop \
                that clock. Return requests come in with the imported mail (Return authorization request for \
                order # …). This command stops the clock of every open request of ORDER received by --at, and \
                says whether that was within 48 hours. `parley metrics` reports the late-response rate.

                Exit codes: 0, or 2 when ORDER has no open return request or the store cannot be opened.

                Examples:
                  parley return 112-7446790-9716267 --authorized
                  parley return 112-7446790-9716267 --refunded --at 2026-03-02T10:00:00-05:00
                """)

        @Argument(help: ArgumentHelp("The order id, e.g. 112-7446790-9716267.", valueName: "order"))
        var order: String

        @Flag(help: "What was done.")
        var resolution: ReturnResolution

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("When it was done (\(Timestamp.formatHelp); default: now).", valueName: "time"))
        var at: Timestamp?

        public init() {}

        public func run() throws { try output().emit() }

        public func output(
            clock: any WallClock = SystemClock(), environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> CommandOutput {
            let at = self.at?.date ?? clock.now
            let store = try database.open(environment: environment)
            let resolved = try StoreAccess.run { try store.resolveReturn(orderID: order, resolution: resolution, at: at) }
            var text = ""
            for request in resolved {
                text += "Order \(order): " + ReturnText.describe(request, asOf: at) + ".\n"
            }
            return CommandOutput(text: text)
        }
    }
}
