/// Quoted-printable (RFC 2045 §6.7) and the Q encoding of RFC 2047.
///
/// Soft line breaks (`=` at the end of a line, before CRLF or LF, trailing white space allowed) are
/// removed; an `=` not followed by two hex digits is kept as written, as RFC 2045 advises.
public enum QuotedPrintable {
    public static func decode(_ input: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x3D {  // =
                if index + 2 < input.count,
                    let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                // A soft break: `=`, optional spaces or tabs, then CRLF, LF or the end of the input.
                var look = index + 1
                while look < input.count, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
                if look == input.count {
                    index = look
                    continue
                }
                if input[look] == 0x0A {
                    index = look + 1
                    continue
                }
                if input[look] == 0x0D {
                    index = look + 1 < input.count && input[look + 1] == 0x0A ? look + 2 : look + 1
                    continue
                }
                output.append(byte)
                index += 1
                continue
            }
            if underscoreIsSpace, byte == 0x5F {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
