import Foundation

/// Where "now" comes from. Logic below the executable never reads the system clock: it takes a
/// `now`/`asOf` instant, and the edge (the CLI, the server) gets it from a `WallClock`, which tests
/// replace with a fixed one.
public protocol WallClock: Sendable {
    var now: Date { get }
}
