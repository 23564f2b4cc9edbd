import ArgumentParser
import Foundation
import MessageStore

extension Parley {
    /// `parley mark ID --no-response-needed`: Seller Central's "no response needed" box.
    public struct Mark: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: "Mark customer messages as needing no response (thank-you notes and the like).",
            discussion: """
                ID is a message (M345) or a thread (T12). A message id marks that customer message; a thread \
                id marks every customer message of the thread still waiting for a reply at --at. Marked \
                messages leave Contact Response Time from --at on, as in Seller Central; a later buyer message \
                starts a new clock. Seller replies and Amazon notices cannot be marked.

                Exit codes: 0 (also when there was nothing left to mark), 2 for an unknown id, a message that \
                is not a customer message, or a store that cannot be opened.

                Examples:
                  parley mark M345 --no-response-needed
                  parley mark T12 --no-response-needed --at 2026-03-01T12:00:00Z
                """)

        @Argument(help: ArgumentHelp("A message (M345) or a thread (T12).", valueName: "id"))
        var id: String

        @Flag(help: "Mark as needing no response (required: the only mark there is).")
        var noResponseNeeded = false

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("When the mark was made (\(Timestamp.formatHelp); default: now).", valueName: "time"))
        var at: Timestamp?

        public init() {}

        public mutating func validate() throws {
            guard RecordReference(id) != nil else {
                let number = id.trimmingCharacters(in: .whitespaces)
                if Int64(number) != nil {
                    throw ValidationError("'\(id)' could be a message or a thread: say M\(number) or T\(number).")
                }
                throw ValidationError("'\(id)' is not a message (M345) or a thread (T12).")
            }
            guard noResponseNeeded else { throw ValidationError("Say what to mark: --no-response-needed.") }
        }

        public func run() throws { try output().emit() }

        public func output(
            clock: any WallClock = SystemClock(), environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> CommandOutput {
            let at = self.at?.date ?? clock.now
            let store = try database.open(environment: environment)
            guard let reference = RecordReference(id) else { throw InputError("'\(id)' is not a message (M345) or a thread (T12)") }
            switch reference {
            case let .message(id):
                let marked = try StoreAccess.run { try store.markNoResponseNeeded(.message(id), at: at) }
                if marked.isEmpty { return CommandOutput(text: "M\(id) was already marked no response needed.\n") }
                return CommandOutput(text: "Marked M\(id) (T\(marked[0].threadId)) no response needed.\n")
            case let .thread(id):
                let marked = try StoreAccess.run { try store.markNoResponseNeeded(.thread(id), at: at) }
                if marked.isEmpty { return CommandOutput(text: "T\(id) has no customer messages waiting; nothing marked.\n") }
                let ids = marked.map { "M\($0.id ?? 0)" }.joined(separator: ", ")
                let noun = marked.count == 1 ? "message" : "messages"
                return CommandOutput(text: "Marked \(marked.count) \(noun) of T\(id) no response needed: \(ids).\n")
            }
        }
    }
}
