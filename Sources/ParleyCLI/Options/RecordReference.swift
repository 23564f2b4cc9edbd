import ArgumentParser
import Foundation

/// A thread or message as the commands print them: `T12` is thread 12, `M345` message 345.
/// `parley thread` and `parley reply` also take a bare thread number.
enum RecordReference: Hashable, CustomStringConvertible {
    case thread(Int64)
    case message(Int64)

    /// Parses `T12`/`t12`/`M345`/`m345`; a bare number only when `bareMeans` says what it is.
    init?(_ text: String, bareMeans: ((Int64) -> RecordReference)? = nil) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return nil }
        if let number = Int64(trimmed), number > 0, let bareMeans {
            self = bareMeans(number)
            return
        }
        guard let number = Int64(trimmed.dropFirst()), number > 0 else { return nil }
        switch first {
        case "T", "t": self = .thread(number)
        case "M", "m": self = .message(number)
        default: return nil
        }
    }

    var description: String {
        switch self {
        case let .thread(id): "T\(id)"
        case let .message(id): "M\(id)"
        }
    }
}

/// A thread argument: `T12` or `12`.
struct ThreadArgument: ExpressibleByArgument, Hashable {
    var id: Int64

    init?(argument: String) {
        guard case let .thread(id) = RecordReference(argument, bareMeans: { .thread($0) }) else { return nil }
        self.id = id
    }
}
