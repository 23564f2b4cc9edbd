/// Why the Parley config file cannot be used: where (`file:line:column` when the problem is in the
/// YAML, the file alone when it cannot be read) and what.
public struct ConfigFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line):\(column.map { "\($0):" } ?? "") \(message)"
    }
}
