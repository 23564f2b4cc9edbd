/// RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`) in header text.
///
/// Tolerant as mail readers are: words are found anywhere (inside quotes, glued to text), white space
/// between two adjacent encoded words is dropped (RFC 2047 §6.2), adjacent words in the same charset
/// are joined before decoding so a character split across words survives, and a malformed word is
/// left as it was written.
public enum EncodedWords {
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = ""
        var literal = String.UnicodeScalarView()  // text since the last encoded word
        var pendingCharset: String?
        var pendingWords: [[UInt8]] = []
        func flushEncoded() {
            if let charset = pendingCharset {
                // Joined first (a UTF-8 character may be split across words); word by word when the
                // join does not decode (Foundation's ISO-2022-JP rejects `ESC ( B ESC $ B` seams).
                let joined = Charset.decode(pendingWords.flatMap { $0 }, charset: charset)
                if joined.note == nil || pendingWords.count == 1 {
                    output += joined.text
                } else {
                    output += pendingWords.map { Charset.decode($0, charset: charset).text }.joined()
                }
            }
            pendingCharset = nil
            pendingWords = []
        }
        var index = 0
        while index < scalars.count {
            if scalars[index] == "=", index + 1 < scalars.count, scalars[index + 1] == "?",
                let word = parseWord(scalars, at: index)
            {
                let onlySpaceBetween = literal.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
                if pendingCharset != nil, onlySpaceBetween {
                    literal = String.UnicodeScalarView()
                } else {
                    flushEncoded()
                    output.unicodeScalars += literal
                    literal = String.UnicodeScalarView()
                }
                if let charset = pendingCharset, charset.lowercased() != word.charset.lowercased() { flushEncoded() }
                pendingCharset = word.charset
                pendingWords.append(word.bytes)
                index = word.end
                continue
            }
            literal.append(scalars[index])
            index += 1
        }
        flushEncoded()
        output.unicodeScalars += literal
        return output
    }

    private struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// Parses `=?charset[*lang]?enc?text?=` at `start`; nil if it is not a well-formed word.
    private static func parseWord(_ scalars: [Unicode.Scalar], at start: Int) -> Word? {
        var index = start + 2
        var charset = ""
        while index < scalars.count, scalars[index] != "?" {
            let scalar = scalars[index]
            guard scalar.isASCII, scalar.value > 0x20 else { return nil }
            charset.unicodeScalars.append(scalar)
            index += 1
        }
        guard index + 2 < scalars.count, !charset.isEmpty, scalars[index + 2] == "?" else { return nil }
        let encoding = scalars[index + 1]
        index += 3
        let textStart = index
        while index + 1 < scalars.count, !(scalars[index] == "?" && scalars[index + 1] == "=") {
            // Encoded text has no white space; a space means this was not a word after all.
            if scalars[index] == " " || scalars[index] == "\t" { return nil }
            index += 1
        }
        guard index + 1 < scalars.count else { return nil }
        let payload = String(String.UnicodeScalarView(scalars[textStart..<index]))
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        let bytes: [UInt8]
        switch encoding {
        case "B", "b": bytes = Base64.decode(Array(payload.utf8))
        case "Q", "q": bytes = QuotedPrintable.decode(Array(payload.utf8), underscoreIsSpace: true)
        default: return nil
        }
        return Word(charset: charset, bytes: bytes, end: index + 2)
    }
}
