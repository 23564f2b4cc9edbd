/// A problem with what the user gave us (a file, a draft, a rules folder): exit code 2.
public struct InputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
