/// An entry of `PARLEY_SELLER_ADDRESSES` that is not an email address.
public struct InvalidSellerAddress: Error, Sendable, Hashable, CustomStringConvertible {
    /// The environment variable it came from.
    public var variable: String
    public var entry: String

    public init(variable: String, entry: String) {
        self.variable = variable
        self.entry = entry
    }

    public var description: String {
        "\(variable): '\(entry)' is not an email address (expected a@b.example, comma-separated)"
    }
}
