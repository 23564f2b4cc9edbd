import CPCRE2

extension PCRE2Regex {
    /// The compiled form of `regexes`, in PCRE2's own serialization (`pcre2_serialize_encode`): what
    /// a later process can turn back into the same regexes without compiling them (compiling the
    /// rule pack is a quarter of a one-shot `parley lint`). JIT code is not included.
    ///
    /// The bytes are valid only for this build of PCRE2 (same version, code unit width and pointer
    /// size; `decode` checks) and carry no integrity check of their own: whoever stores them must
    /// detect corruption before decoding (see `RulePackCache`).
    public static func serialize(_ regexes: [PCRE2Regex]) throws(PCRE2Error) -> [UInt8] {
        guard !regexes.isEmpty else { return [] }
        var codes: [OpaquePointer?] = regexes.map { $0.code }
        var serialized: UnsafeMutablePointer<UInt8>?
        var size = 0
        let status = codes.withUnsafeMutableBufferPointer { buffer in
            // pcre2_serialize_encode takes `const pcre2_code **`.
            buffer.baseAddress!.withMemoryRebound(to: Optional<OpaquePointer>.self, capacity: buffer.count) { pointer in
                pcre2_serialize_encode_8(pointer, Int32(buffer.count), &serialized, &size, nil)
            }
        }
        guard status == Int32(regexes.count), let serialized else {
            throw .compile(message: "cannot serialize the compiled patterns: \(PCRE2Error.message(for: status))", offset: 0)
        }
        defer { pcre2_serialize_free_8(serialized) }
        return Array(UnsafeBufferPointer(start: serialized, count: size))
    }

    /// The regexes `serialize` wrote, in order, each paired with the pattern and options it was
    /// compiled from (which the bytes do not record). Throws when the bytes are not PCRE2's
    /// serialization for this build or do not hold exactly `sources.count` patterns.
    public static func deserialize(
        _ bytes: [UInt8], sources: [(pattern: String, options: CompileOptions)], jit: Bool
    ) throws(PCRE2Error) -> [PCRE2Regex] {
        guard !sources.isEmpty else { return [] }
        let count = bytes.withUnsafeBufferPointer { buffer in
            // The header alone is read: magic, version and configuration first, then the count.
            buffer.count < 16 ? -1 : pcre2_serialize_get_number_of_codes_8(buffer.baseAddress)
        }
        guard count == Int32(sources.count) else {
            throw .compile(
                message: count < 0
                    ? "not compiled patterns for this PCRE2: \(PCRE2Error.message(for: count))"
                    : "the compiled patterns hold \(count) patterns, not \(sources.count)",
                offset: 0)
        }
        var codes = [OpaquePointer?](repeating: nil, count: sources.count)
        let status = bytes.withUnsafeBufferPointer { buffer in
            pcre2_serialize_decode_8(&codes, Int32(sources.count), buffer.baseAddress, nil)
        }
        guard status == Int32(sources.count) else {
            for case let code? in codes { pcre2_code_free_8(code) }
            throw .compile(message: "cannot decode the compiled patterns: \(PCRE2Error.message(for: status))", offset: 0)
        }
        guard codes.allSatisfy({ $0 != nil }) else {
            for case let code? in codes { pcre2_code_free_8(code) }
            throw .compile(message: "a decoded pattern is missing", offset: 0)
        }
        return zip(codes, sources).compactMap { code, source in
            code.map { PCRE2Regex(taking: $0, pattern: source.pattern, options: source.options, jit: jit) }
        }
    }
}
