import Foundation

/// A structured header value such as `Content-Type` or `Content-Disposition`: the leading token and
/// its `;`-separated parameters, with RFC 2231 continuations (`name*0=`, `name*1*=`) and charset'lang'
/// percent-encoding joined and decoded, and RFC 2047 words in quoted values (common, though not
/// allowed) decoded too.
///
/// Tolerant of the usual damage: unquoted values with spaces (`name=This is a test.txt`), a missing
/// `;`, stray semicolons, unterminated quotes. Parameter names are lower-cased.
public struct HeaderParameters: Sendable, Hashable {
    /// The leading token lower-cased (`multipart/mixed`, `attachment`), "" when absent.
    public var value: String
    public var parameters: [String: String]

    public init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    public subscript(name: String) -> String? { parameters[name.lowercased()] }

    public static func parse(_ raw: String) -> HeaderParameters {
        let segments = splitSegments(raw)
        let value = segments.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        // Raw pieces per parameter name, keeping RFC 2231 section numbers and the extended flag.
        var plain: [String: String] = [:]
        var sections: [String: [Int: (text: String, extended: Bool)]] = [:]
        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            let key = segment[..<equals].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard !key.isEmpty, !key.contains(" ") else { continue }
            let rawValue = unquote(segment[segment.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines))
            let parts = key.split(separator: "*", omittingEmptySubsequences: false)
            if parts.count == 1 {
                if plain[key] == nil { plain[key] = rawValue }
            } else {
                let name = String(parts[0])
                let extended = key.hasSuffix("*")
                let section = parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
                sections[name, default: [:]][section] = (rawValue, extended)
            }
        }
        var parameters: [String: String] = [:]
        for (name, text) in plain { parameters[name] = EncodedWords.decode(text) }
        for (name, pieces) in sections {
            // RFC 2231 §4.1: the charset is named in section 0 only; percent escapes are decoded in
            // extended sections, and the bytes of all sections are joined before charset decoding.
            var charset: String?
            var bytes: [UInt8] = []
            for number in pieces.keys.sorted() {
                guard let piece = pieces[number] else { continue }
                var text = piece.text
                if piece.extended, number == pieces.keys.min() {
                    let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if fields.count == 3 {
                        charset = fields[0].isEmpty ? nil : String(fields[0])
                        text = String(fields[2])
                    }
                }
                bytes += piece.extended ? percentDecoded(text) : Array(text.utf8)
            }
            let decoded = Charset.decode(bytes, charset: charset ?? "utf-8").text
            parameters[name] = decoded  // an RFC 2231 value wins over a plain one of the same name
        }
        return HeaderParameters(value: value, parameters: parameters)
    }

    /// Splits at `;` outside quotes. Without any `;`, a space-separated `key=value` still counts as a
    /// parameter (`text/plain charset=utf-8`).
    private static func splitSegments(_ raw: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var inQuote = false, escaped = false
        for character in raw {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && inQuote {
                escaped = true
                current.append(character)
                continue
            }
            if character == "\"" { inQuote.toggle() }
            if character == ";" && !inQuote {
                segments.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        segments.append(current)
        // `text/plain charset=utf-8`: split the first segment at the space before a `key=`.
        if let first = segments.first, !first.contains("\""), let equals = first.firstIndex(of: "="),
            let space = first[..<equals].lastIndex(of: " ")
        {
            segments[0] = String(first[..<space])
            segments.insert(String(first[first.index(after: space)...]), at: 1)
        }
        return [segments[0]] + segments.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private static func unquote(_ text: String) -> String {
        guard text.hasPrefix("\"") else { return text }
        var output = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                output.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                output.append(character)
            }
        }
        return output
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
                let high = QuotedPrintable.hexValue(bytes[index + 1]), let low = QuotedPrintable.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
