/// A stable id for records that carry none: FNV-1a 64 over the fields that make a message itself,
/// as 16 hex digits after `fnv1a64:`. Not cryptographic; it only has to tell re-imports apart from
/// new messages, and the fields are separated by a byte no text contains.
public enum ContentHash {
    public static func fnv1a64(_ fields: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, field) in fields.enumerated() {
            if index > 0 { hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3 }
            for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
