/// One header field after unfolding: its name as written and its value with RFC 2047 words undecoded.
public struct HeaderField: Sendable, Hashable {
    public var name: String
    /// The unfolded value, leading and trailing white space removed, encoded words left as they are.
    public var rawValue: String

    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
    }

    /// The value with RFC 2047 encoded words decoded: for unstructured fields such as `Subject`.
    public var text: String { EncodedWords.decode(rawValue) }
}
