import Foundation

/// Why a template could not be filled. Each case names the template and the variable, and is a
/// usage error (exit 2) at the command line; findings in the filled text are not errors here but
/// part of the `FilledReply`.
public enum TemplateFillError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTemplate(String, suggestions: [String])
    /// Required variables with no value from any source, in declaration order.
    case missingValues(template: String, variables: [String])
    /// Names that the template does not declare, sorted.
    case unknownVariables(template: String, names: [String], source: ValueSource, declared: [String])
    case badFormat(template: String, variable: String, value: String, format: VariableFormat, source: ValueSource)

    public var description: String {
        switch self {
        case let .unknownTemplate(id, suggestions):
            return "unknown template '\(id)'" + (suggestions.isEmpty ? "" : "; did you mean \(Self.quoted(suggestions, or: true))?")
        case let .missingValues(template, variables):
            let noun = variables.count == 1 ? "value for required variable" : "values for required variables"
            return "missing \(noun) \(Self.quoted(variables)) of template '\(template)'"
        case let .unknownVariables(template, names, source, declared):
            let noun = names.count == 1 ? "variable" : "variables"
            let known = declared.isEmpty ? "it has no variables" : "its variables: \(declared.joined(separator: ", "))"
            return "unknown \(noun) \(Self.quoted(names))\(source.phrase) for template '\(template)' (\(known))"
        case let .badFormat(template, variable, value, format, source):
            return
                "invalid value \(Self.excerpt(value)) for '\(variable)'\(source.phrase) of template '\(template)': expected \(format.expectation)"
        }
    }

    /// `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'` (or "or").
    static func quoted(_ names: [String], or: Bool = false) -> String {
        let items = names.map { "'\($0)'" }
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + last
    }

    /// The value as quoted in an error: one line, at most 60 characters.
    static func excerpt(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
        return "'" + (flat.count > 60 ? flat.prefix(57) + "…" : flat) + "'"
    }

    /// Ids within a small edit distance of a mistyped one, closest first (at most three).
    static func closeMatches(to id: String, in ids: [String]) -> [String] {
        let limit = max(2, id.count / 4)
        return ids.map { ($0, editDistance(id, $0)) }.filter { $0.1 <= limit }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3).map(\.0)
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
