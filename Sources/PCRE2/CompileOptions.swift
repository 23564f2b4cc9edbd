import CPCRE2

/// Options passed to `pcre2_compile`. Parley always compiles in UTF + UCP mode so that `\w`, `\b` and
/// `\d` mean the same thing in every language a buyer writes in.
public struct CompileOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let utf = CompileOptions(rawValue: PCRE2_UTF)
    public static let ucp = CompileOptions(rawValue: PCRE2_UCP)
    public static let caseless = CompileOptions(rawValue: PCRE2_CASELESS)
    public static let multiline = CompileOptions(rawValue: PCRE2_MULTILINE)
    public static let dotAll = CompileOptions(rawValue: PCRE2_DOTALL)
    /// Match only at the start of the subject (used for whole-span exceptions together with `.endAnchored`).
    public static let anchored = CompileOptions(rawValue: PCRE2_ANCHORED)
    public static let endAnchored = CompileOptions(rawValue: PCRE2_ENDANCHORED)

    public static let unicode: CompileOptions = [.utf, .ucp]
}
