/// The values for one fill, one dictionary per source. Where two sources give the same variable,
/// the stronger wins: what was given explicitly (`--set`), then the values file (`--vars`), then
/// the stored thread (buyer name, order id, ASIN, product, dates). An empty value counts as not
/// given, so the next source or the default applies.
public struct TemplateValues: Sendable, Hashable {
    public var explicit: [String: String]
    public var file: [String: String]
    public var thread: [String: String]

    public init(explicit: [String: String] = [:], file: [String: String] = [:], thread: [String: String] = [:]) {
        self.explicit = explicit
        self.file = file
        self.thread = thread
    }

    /// The value for `name` and where it came from, strongest source first; nil when none gives one.
    public func value(for name: String) -> (value: String, source: ValueSource)? {
        for source in ValueSource.allCases {
            if let value = values(from: source)[name], !value.isEmpty { return (value, source) }
        }
        return nil
    }

    public func values(from source: ValueSource) -> [String: String] {
        switch source {
        case .explicit: explicit
        case .file: file
        case .thread: thread
        }
    }
}

/// Where a value came from, strongest first.
public enum ValueSource: String, Sendable, Hashable, Codable, CaseIterable {
    case explicit, file, thread

    /// How errors mention the source: "" for explicit values, " (from the values file)", …
    var phrase: String {
        switch self {
        case .explicit: ""
        case .file: " (from the values file)"
        case .thread: " (from the thread)"
        }
    }
}
