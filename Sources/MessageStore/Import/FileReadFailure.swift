/// The file could not be read (`ImportReadError` or another reading error), so nothing from it was
/// stored; the store's own errors are thrown as they are.
public struct FileReadFailure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var underlying: any Error

    public init(path: String, underlying: any Error) {
        self.path = path
        self.underlying = underlying
    }

    public var description: String { "\(underlying)" }
}
