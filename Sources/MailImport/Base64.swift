/// Base64 (RFC 2045 §6.8) read the way mail needs: characters outside the alphabet (line breaks,
/// spaces, stray junk) are skipped, padding is optional, and `=` ends a group (so concatenated encodings
/// still decode).
public enum Base64 {
    public static func decode(_ input: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in input {
            if byte == 0x3D {
                buffer = 0
                bits = 0
                continue
            }
            guard let value = sextet(byte) else { continue }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte - 0x41
        case 0x61...0x7A: byte - 0x61 + 26
        case 0x30...0x39: byte - 0x30 + 52
        case 0x2B, 0x2D: 62  // + (and - from base64url)
        case 0x2F, 0x5F: 63  // / (and _ from base64url)
        default: nil
        }
    }
}
