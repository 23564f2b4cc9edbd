import Foundation
import MessageStore

/// The real clock: the one place below `main` that reads the system time. Commands take a
/// `WallClock`, so tests pass a fixed one.
public struct SystemClock: WallClock {
    public init() {}
    public var now: Date { Date() }
}
