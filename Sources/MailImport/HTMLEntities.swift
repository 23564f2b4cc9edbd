/// HTML character references: numeric (`&#233;`, `&#xE9;`) and the named ones mail uses (HTML 4's
/// Latin-1 set plus typographic marks). An unknown name, or a reference to an invalid code point, is
/// left as written.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let afterAmp = rest[rest.index(after: amp)...]
            let name = afterAmp.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            guard !name.isEmpty, name.count <= 32, let scalar = scalar(for: name) else {
                output.append("&")
                rest = afterAmp
                continue
            }
            output.unicodeScalars.append(scalar)
            var next = afterAmp.index(afterAmp.startIndex, offsetBy: name.count)
            if next < afterAmp.endIndex, afterAmp[next] == ";" { next = afterAmp.index(after: next) }
            rest = afterAmp[next...]
        }
        output += rest
        return output
    }

    private static func scalar(for name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(sanitized)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(sanitized) }
        if let value = named[String(name)] { return Unicode.Scalar(value) }
        return nil
    }

    /// Browsers read NUL and surrogates as U+FFFD; Windows-1252's C1 range as those characters.
    private static func sanitized(_ value: UInt32) -> Unicode.Scalar? {
        if value == 0 { return "\u{FFFD}" }
        if (0x80...0x9F).contains(value) {
            return Charset.latin1([UInt8(value)]).unicodeScalars.first
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static let latin1Names =
        """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
        acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde \
        Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc \
        Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml \
        aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc \
        otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
        """.split(separator: " ")

    private static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "OElig": 338, "oelig": 339, "Scaron": 352,
            "scaron": 353, "Yuml": 376, "fnof": 402, "circ": 710, "tilde": 732, "ensp": 8194, "emsp": 8195,
            "thinsp": 8201, "zwnj": 8204, "zwj": 8205, "lrm": 8206, "rlm": 8207, "ndash": 8211, "mdash": 8212,
            "lsquo": 8216, "rsquo": 8217, "sbquo": 8218, "ldquo": 8220, "rdquo": 8221, "bdquo": 8222,
            "dagger": 8224, "Dagger": 8225, "bull": 8226, "hellip": 8230, "permil": 8240, "prime": 8242,
            "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250, "oline": 8254, "euro": 8364, "trade": 8482,
            "larr": 8592, "uarr": 8593, "rarr": 8594, "darr": 8595, "AMP": 38, "LT": 60, "GT": 62, "QUOT": 34,
        ]
        for (offset, name) in latin1Names.enumerated() { table[String(name)] = UInt32(160 + offset) }
        return table
    }()
}
