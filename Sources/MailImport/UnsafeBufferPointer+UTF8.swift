extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates,
    /// nothing above U+10FFFF), the check `String(validating:)` and Foundation's
    /// `String(bytes:encoding: .utf8)` make. Written out because the generic `String(validating:)`
    /// looked up type metadata on every call, 3 % of reading an export.
    var isValidUTF8: Bool {
        var index = 0
        while index < count {
            let lead = self[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard count - index >= length, second.contains(self[index + 1]) else { return false }
            for offset in 2..<length where self[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
