/// A part's `Content-Transfer-Encoding`. Unknown or misspelt values (`7-bit`, `plain`, `spam`,
/// `x-uuencode`) keep the body as it is, which loses nothing.
public enum ContentTransferEncoding: Sendable, Hashable {
    case sevenBit, eightBit, binary, quotedPrintable, base64
    case other(String)

    public init(headerValue: String?) {
        let token =
            (headerValue ?? "").lowercased().split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\t" })
            .first.map(String.init) ?? ""
        switch token {
        case "", "7bit", "7-bit": self = .sevenBit
        case "8bit", "8-bit", "8bits": self = .eightBit
        case "binary": self = .binary
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        default: self = .other(token)
        }
    }

    public func decode(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .quotedPrintable: QuotedPrintable.decode(body)
        case .base64: Base64.decode(body)
        case .sevenBit, .eightBit, .binary, .other: body
        }
    }
}
