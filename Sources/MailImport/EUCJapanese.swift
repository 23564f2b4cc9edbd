import Foundation

/// EUC-JP, which Foundation on Linux cannot decode, rewritten as the ISO-2022-JP it can: a JIS X 0208
/// pair is the EUC pair minus 0x80 per byte, half-width katakana (0x8E xx) map straight to U+FF61…,
/// and JIS X 0212 (0x8F xx xx), rare in mail, becomes U+FFFD.
enum EUCJapanese {
    static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        var output = ""
        var pending: [UInt8] = []  // JIS X 0208 bytes waiting to be decoded together
        func flush() -> Bool {
            guard !pending.isEmpty else { return true }
            let wrapped: [UInt8] = [0x1B, 0x24, 0x42] + pending + [0x1B, 0x28, 0x42]
            guard let text = String(data: Data(wrapped), encoding: .iso2022JP) else { return false }
            output += text
            pending.removeAll()
            return true
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard flush() else { return nil }
                output.unicodeScalars.append(Unicode.Scalar(byte))
                index += 1
            } else if byte == 0x8E, index + 1 < bytes.count {
                guard flush() else { return nil }
                let kana = bytes[index + 1]
                guard kana >= 0xA1, kana <= 0xDF, let scalar = Unicode.Scalar(0xFF61 + UInt32(kana - 0xA1)) else {
                    return nil
                }
                output.unicodeScalars.append(scalar)
                index += 2
            } else if byte == 0x8F, index + 2 < bytes.count {
                guard flush() else { return nil }
                output += "\u{FFFD}"
                index += 3
            } else if byte >= 0xA1, byte <= 0xFE, index + 1 < bytes.count, bytes[index + 1] >= 0xA1 {
                pending += [byte - 0x80, bytes[index + 1] - 0x80]
                index += 2
            } else {
                return nil
            }
        }
        guard flush() else { return nil }
        return output
    }
}
