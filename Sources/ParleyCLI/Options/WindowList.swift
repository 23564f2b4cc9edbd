import ArgumentParser
import Foundation

/// `--windows 7,30,90`: whole numbers of days, each 1 to 3650, in the order given.
struct WindowList: ExpressibleByArgument, Hashable {
    var days: [Int]

    init(days: [Int]) { self.days = days }

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        guard !parts.isEmpty, values.count == parts.count, values.allSatisfy({ (1...3650).contains($0) }) else { return nil }
        days = values
    }

    var defaultValueDescription: String { days.map(String.init).joined(separator: ",") }
}
