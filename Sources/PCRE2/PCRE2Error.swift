import CPCRE2

/// An error reported by PCRE2, with PCRE2's own message.
public enum PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern does not compile; `offset` is the UTF-8 byte offset in the pattern where PCRE2 stopped.
    case compile(message: String, offset: Int)
    /// The match gave up because it hit the match, depth, heap or JIT-stack limit.
    case limitExceeded(kind: LimitKind, message: String)
    /// Any other failure of `pcre2_match` (a bug or resource problem, never "no match").
    case match(code: Int32, message: String)

    public enum LimitKind: String, Sendable {
        case match, depth, heap, jitStack = "jit-stack"
    }

    public var description: String {
        switch self {
        case let .compile(message, offset): "\(message) at offset \(offset)"
        case let .limitExceeded(kind, message): "\(kind.rawValue) limit exceeded: \(message)"
        case let .match(code, message): "match error \(code): \(message)"
        }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard count > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(count)], as: UTF8.self)
    }

    static func fromMatch(code: Int32) -> PCRE2Error {
        let message = message(for: code)
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: return .limitExceeded(kind: .match, message: message)
        case PCRE2_ERROR_DEPTHLIMIT: return .limitExceeded(kind: .depth, message: message)
        case PCRE2_ERROR_HEAPLIMIT: return .limitExceeded(kind: .heap, message: message)
        case PCRE2_ERROR_JIT_STACKLIMIT: return .limitExceeded(kind: .jitStack, message: message)
        default: return .match(code: code, message: message)
        }
    }
}
