import Foundation

/// The encoding of one JSONL line, told as JSONSerialization told it (swift-corelibs-foundation,
/// `detectEncoding`), so every line reads as it did when the import went through it: a UTF-8 byte
/// order mark is skipped, and a line that starts with a UTF-16 or UTF-32 one, or whose first bytes
/// hold the zero bytes of UTF-16 or UTF-32 text, is UTF-16 or UTF-32. RFC 8259 §8.1 asks for UTF-8
/// only; Foundation reads the other four as well, so the import kept reading them.
enum JSONLineEncoding: Equatable {
    /// UTF-8, after `skip` bytes of byte order mark.
    case utf8(skip: Int)
    /// Another encoding, converted to UTF-8 before parsing.
    case other(String.Encoding, skip: Int)

    init(of bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count >= 4 {
            switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
            case (0xEF, 0xBB, 0xBF, _): self = .utf8(skip: 3)
            case (0x00, 0x00, 0xFE, 0xFF): self = .other(.utf32BigEndian, skip: 4)
            case (0xFF, 0xFE, 0x00, 0x00): self = .other(.utf32LittleEndian, skip: 4)
            case (0xFF, 0xFE, _, _): self = .other(.utf16LittleEndian, skip: 2)
            case (0xFE, 0xFF, _, _): self = .other(.utf16BigEndian, skip: 2)
            case (0, 0, 0, _): self = .other(.utf32BigEndian, skip: 0)
            case (_, 0, 0, 0): self = .other(.utf32LittleEndian, skip: 0)
            case (0, _, 0, _): self = .other(.utf16BigEndian, skip: 0)
            case (_, 0, _, 0): self = .other(.utf16LittleEndian, skip: 0)
            default: self = .utf8(skip: 0)
            }
        } else if bytes.count >= 2 {
            switch (bytes[0], bytes[1]) {
            case (0, _): self = .other(.utf16BigEndian, skip: 0)
            case (_, 0): self = .other(.utf16LittleEndian, skip: 0)
            default: self = .utf8(skip: 0)
            }
        } else {
            self = .utf8(skip: 0)
        }
    }
}
