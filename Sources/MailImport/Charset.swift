import Foundation

#if canImport(CoreFoundation)
    import CoreFoundation
#endif

/// Text in a named character set, decoded through Foundation's converters.
///
/// Names are resolved with the IANA registry (`CFStringConvertIANACharSetNameToEncoding`) after a few
/// aliases that mail software writes but the registry does not know. Text in an unknown or wrong
/// charset is never dropped: it is read as UTF-8 when valid, else as Windows-1252, and the caller is
/// told so through `Decoded.note`.
public enum Charset {
    /// Decoded text and, when the declared charset could not be used, why and what was used instead.
    public struct Decoded: Sendable, Hashable {
        public var text: String
        public var note: String?
    }

    /// The Foundation encoding for an IANA charset name, or nil when none is known.
    public static func encoding(named rawName: String) -> String.Encoding? {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased()
        guard !name.isEmpty else { return nil }
        switch name {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "7bit", "8bit": return .ascii
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1": return .isoLatin1
        case "iso-8859-2", "iso8859-2", "latin2": return .isoLatin2
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis": return .shiftJIS
        case "windows-31j", "cp932", "ms932": return .shiftJIS
        case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2", "iso-2022-jp-3": return .iso2022JP
        case "euc-jp", "eucjp", "x-euc-jp": return .japaneseEUC
        case "utf-16": return .utf16
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1252", "cp1252": return .windowsCP1252
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254": return .windowsCP1254
        default: break
        }
        var ianaName = name
        // Names mail software writes that the IANA table spells differently.
        let aliases = [
            "gb2312": "gbk", "x-gbk": "gbk", "cp936": "gbk", "ks_c_5601-1987": "euc-kr", "ks_c_5601": "euc-kr",
            "x-mac-roman": "macintosh", "cp1255": "windows-1255", "cp1256": "windows-1256", "cp1257": "windows-1257",
            "cp1258": "windows-1258", "iso8859-15": "iso-8859-15", "latin9": "iso-8859-15", "big5-hkscs": "big5-hkscs",
        ]
        if let alias = aliases[name] { ianaName = alias }
        if ianaName.hasPrefix("iso8859-") { ianaName = "iso-8859-" + ianaName.dropFirst("iso8859-".count) }
        if ianaName.hasPrefix("iso_8859-") { ianaName = "iso-8859-" + ianaName.dropFirst("iso_8859-".count) }
        guard let cfName = CFStringCreateWithCString(nil, ianaName, CFStringBuiltInEncodings.UTF8.rawValue) else {
            return nil
        }
        let cfEncoding = CFStringConvertIANACharSetNameToEncoding(cfName)
        guard cfEncoding != kCFStringEncodingInvalidId else { return nil }
        let raw = CFStringConvertEncodingToNSStringEncoding(cfEncoding)
        return String.Encoding(rawValue: raw)
    }

    /// Decodes `bytes` declared as `charsetName` (nil: undeclared, read as US-ASCII/UTF-8).
    public static func decode(_ bytes: some Collection<UInt8>, charset charsetName: String?) -> Decoded {
        let data = Data(bytes)
        if let charsetName, !charsetName.trimmingCharacters(in: .whitespaces).isEmpty {
            if let encoding = encoding(named: charsetName) {
                if encoding == .ascii || encoding == .utf8 {
                    // US-ASCII labels on 8-bit text are common; UTF-8 is the kindest reading.
                    if let text = String(data: data, encoding: .utf8) { return Decoded(text: text) }
                    return fallback(data, note: "text declared \(charsetName) is not valid \(charsetName)")
                }
                if encoding == .japaneseEUC, let text = EUCJapanese.decode(data) { return Decoded(text: text) }
                if let text = String(data: data, encoding: encoding) { return Decoded(text: text) }
                return fallback(data, note: "text declared \(charsetName) could not be decoded as \(charsetName)")
            }
            return fallback(data, note: "unknown charset '\(charsetName)'")
        }
        if let text = String(data: data, encoding: .utf8) { return Decoded(text: text) }
        return fallback(data, note: "undeclared 8-bit text is not UTF-8")
    }

    /// Header bytes: RFC 6532 allows UTF-8; raw ISO-2022-JP (escape sequences in the header, as old
    /// Japanese mailers wrote) is decoded as such; anything else is read as Windows-1252.
    static func headerText(_ bytes: some Collection<UInt8>) -> String {
        if bytes.contains(0x1B), let text = String(data: Data(bytes), encoding: .iso2022JP) { return text }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return latin1(bytes)
    }

    private static func fallback(_ data: Data, note: String) -> Decoded {
        if let text = String(data: data, encoding: .utf8) { return Decoded(text: text, note: note + "; read as UTF-8") }
        return Decoded(text: latin1(data), note: note + "; read as Windows-1252")
    }

    /// Windows-1252, with the five bytes it leaves undefined read as their ISO-8859-1 control
    /// characters, so every byte becomes a character and none is lost.
    static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, let mapped = windows1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
