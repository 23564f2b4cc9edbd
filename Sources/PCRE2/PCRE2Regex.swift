import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern, JIT-compiled once and shared.
///
/// PCRE2 allows one compiled pattern to be used by many threads at once as long as each match has
/// its own match data, which `matches(in:limits:)` creates per call; hence `@unchecked Sendable`.
public final class PCRE2Regex: @unchecked Sendable {
    public let pattern: String
    public let options: CompileOptions
    /// Whether the JIT compiler accepted the pattern (matching is identical without it, only slower).
    public let isJITCompiled: Bool
    /// The literals every match needs (see `RequiredLiterals`), worked out on first use and kept:
    /// a one-shot lint of a short draft never needs them, a prefilter asks once per pattern.
    public var requiredLiterals: RequiredLiterals { reading.required }

    /// The literals every match begins with (see `StartLiterals`), read with the required ones;
    /// nil when matching only where they occur would not be safe, which includes every pattern
    /// PCRE2 says can match the empty string.
    public var startLiterals: StartLiterals? { reading.starts }

    private var reading: PatternLiteralAnalyzer.Reading {
        cachedReading.withLock { cached in
            if let cached { return cached }
            var computed = PatternLiteralAnalyzer.reading(of: pattern, options: options)
            if canMatchEmpty { computed.starts = nil }
            cached = computed
            return computed
        }
    }
    private let cachedReading = Mutex<PatternLiteralAnalyzer.Reading?>(nil)
    /// How `matches(in:startingAt:)` tries a position, settled on first use.
    private let cachedAnchoredSearch = Mutex<AnchoredSearch?>(nil)

    private enum AnchoredSearch {
        /// No start literals (or no anchored copy under JIT): search in full.
        case unavailable
        /// The interpreter honours a match-time PCRE2_ANCHORED and counts limits as in a search.
        case interpreter
        /// Under JIT a match-time PCRE2_ANCHORED would run in the interpreter, which counts limits
        /// differently: a copy of the pattern compiled anchored, and JIT-compiled, is used.
        case twin(PCRE2Regex)
    }
    /// The compiled pattern; this object owns it and frees it.
    let code: OpaquePointer

    /// Compiles `pattern`; with `jit` (the default) also JIT-compiles it, which makes matching several
    /// times faster but costs far more than compiling: a one-shot lint of a short draft is quicker
    /// with the interpreter.
    public convenience init(_ pattern: String, options: CompileOptions = .unicode, jit: Bool = true) throws(PCRE2Error) {
        var status: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options.rawValue, &status, &errorOffset, nil)
        }
        guard let compiled else {
            throw .compile(message: PCRE2Error.message(for: status), offset: errorOffset)
        }
        self.init(taking: compiled, pattern: pattern, options: options, jit: jit)
    }

    /// Takes ownership of `code`, compiled (or decoded) from `pattern` with `options`.
    init(taking code: OpaquePointer, pattern: String, options: CompileOptions, jit: Bool) {
        self.code = code
        self.pattern = pattern
        self.options = options
        self.isJITCompiled = jit && pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// Whether PCRE2 knows the code unit every match starts with (`PCRE2_INFO_FIRSTCODETYPE` 1): its
    /// own search then skips from one occurrence of it to the next as fast as a `memchr`.
    public var firstCodeUnitIsKnown: Bool {
        var value: UInt32 = 0
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &value) == 0 else { return false }
        return value == 1
    }

    /// Whether PCRE2 says some match may be empty (`PCRE2_INFO_MATCHEMPTY`).
    public var canMatchEmpty: Bool {
        var value: UInt32 = 0
        // Asking about a compiled pattern cannot fail; should it, assume the worst.
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MATCHEMPTY), &value) == 0 else { return true }
        return value != 0
    }

    /// All non-overlapping matches in `text`, as UTF-8 byte ranges of the whole match (after `\K`).
    public func matches(in text: UTF8Text, limits: MatchLimits = .default) throws(PCRE2Error) -> [Range<Int>] {
        try text.bytes.withUnsafeBufferPointer { subject throws(PCRE2Error) in
            try matches(subject: subject, limits: limits, anchoredWhole: false, maxCount: .max)
        }
    }

    /// Whether the pattern matches `text` as a whole (anchored at both ends).
    public func matchesWhole(_ text: some StringProtocol, limits: MatchLimits = .default) throws(PCRE2Error) -> Bool {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { subject throws(PCRE2Error) in
            try !matches(subject: subject, limits: limits, anchoredWhole: true, maxCount: 1).isEmpty
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    public func firstMatch(in text: UTF8Text, limits: MatchLimits = .default) throws(PCRE2Error) -> Range<Int>? {
        try text.bytes.withUnsafeBufferPointer { subject throws(PCRE2Error) in
            try matches(subject: subject, limits: limits, anchoredWhole: false, maxCount: 1).first
        }
    }

    /// The matches `matches(in:limits:)` finds, found by trying an anchored match only at each
    /// of `candidates` (UTF-8 byte offsets in ascending order) instead of at every character.
    ///
    /// The result is the same whenever every match PCRE2's search finds comes from an attempt at a
    /// candidate (the match begins there, or there plus what `\K` drops): the offsets at which the
    /// pattern's `startLiterals` begin in the text (`LiteralSetScanner`) are such a set. Each
    /// attempt is given the whole text, so lookbehinds still look before the candidate and
    /// lookaheads past it. Limit errors are the same too: PCRE2 counts its limits per start
    /// position, so an attempt that exceeds one here exceeds it in the full search, and the
    /// attempts the full search makes elsewhere fail on the start literal after leading
    /// assertions that `StartLiterals` only allows when they are cheap. Under JIT the attempts
    /// use a copy of the pattern compiled anchored (an anchored match requested at match time
    /// would run in the interpreter, which counts the limits differently). A pattern without
    /// start literals is searched in full.
    public func matches(
        in text: UTF8Text, startingAt candidates: [Int], limits: MatchLimits = .default
    ) throws(PCRE2Error) -> [Range<Int>] {
        try anchoredMatches(in: text, startingAt: candidates, limits: limits, maxCount: .max)
    }

    /// The first match `firstMatch(in:limits:)` finds, found as `matches(in:startingAt:limits:)` does.
    public func firstMatch(
        in text: UTF8Text, startingAt candidates: [Int], limits: MatchLimits = .default
    ) throws(PCRE2Error) -> Range<Int>? {
        try anchoredMatches(in: text, startingAt: candidates, limits: limits, maxCount: 1).first
    }

    private func anchoredMatches(
        in text: UTF8Text, startingAt candidates: [Int], limits: MatchLimits, maxCount: Int
    ) throws(PCRE2Error) -> [Range<Int>] {
        let code: OpaquePointer
        let options: UInt32
        switch anchoredSearch() {
        case .unavailable:
            return try text.bytes.withUnsafeBufferPointer { subject throws(PCRE2Error) in
                try matches(subject: subject, limits: limits, anchoredWhole: false, maxCount: maxCount)
            }
        case .interpreter:
            code = self.code
            options = PCRE2_ANCHORED
        case .twin(let twin):
            code = twin.code
            options = 0
        }
        return try text.bytes.withUnsafeBufferPointer { subject throws(PCRE2Error) in
            // An empty text holds no match of a pattern that cannot match empty.
            guard let base = subject.baseAddress else { return [] }
            let (context, matchData) = try matchResources(limits: limits)
            defer {
                pcre2_match_data_free_8(matchData)
                pcre2_match_context_free_8(context)
            }
            let length = subject.count
            var results: [Range<Int>] = []
            // Where the previous match ended: the search resumes there, so earlier candidates lie
            // inside that match and are not tried.
            var floor = 0
            for candidate in candidates where candidate >= floor && candidate <= length {
                let rc = pcre2_match_8(code, base, length, candidate, PCRE2_NO_UTF_CHECK | options, matchData, context)
                if rc == PCRE2_ERROR_NOMATCH { continue }
                if rc < 0 { throw PCRE2Error.fromMatch(code: rc) }
                guard let ovector = pcre2_get_ovector_pointer_8(matchData) else { break }
                let matchStart = ovector[0], matchEnd = ovector[1]
                if matchStart <= matchEnd { results.append(matchStart..<matchEnd) }
                // Start literals exist only for patterns that cannot match empty, so the match
                // ends past the candidate; `+ 1` keeps the loop moving all the same.
                floor = max(matchEnd, candidate + 1)
                if results.count >= maxCount { break }
            }
            return results
        }
    }

    private func anchoredSearch() -> AnchoredSearch {
        cachedAnchoredSearch.withLock { cached in
            if let cached { return cached }
            var search = AnchoredSearch.unavailable
            if startLiterals != nil {
                if !isJITCompiled {
                    search = .interpreter
                } else if let twin = try? PCRE2Regex(pattern, options: options.union(.anchored), jit: true), twin.isJITCompiled {
                    // The pattern compiled once already, so with ANCHORED added it compiles again.
                    search = .twin(twin)
                }
            }
            cached = search
            return search
        }
    }

    /// A match context carrying `limits` and match data for this pattern; the caller frees both.
    private func matchResources(limits: MatchLimits) throws(PCRE2Error) -> (OpaquePointer, OpaquePointer) {
        guard let context = pcre2_match_context_create_8(nil) else {
            throw .match(code: 0, message: "cannot allocate a match context")
        }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        // The anchored copy has the same groups, so this pattern's match data serves it too.
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else {
            pcre2_match_context_free_8(context)
            throw .match(code: 0, message: "cannot allocate match data")
        }
        return (context, matchData)
    }

    private func matches(
        subject: UnsafeBufferPointer<UInt8>, limits: MatchLimits, anchoredWhole: Bool, maxCount: Int
    ) throws(PCRE2Error) -> [Range<Int>] {
        guard let context = pcre2_match_context_create_8(nil) else {
            throw .match(code: 0, message: "cannot allocate a match context")
        }
        defer { pcre2_match_context_free_8(context) }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw .match(code: 0, message: "cannot allocate match data")
        }
        defer { pcre2_match_data_free_8(matchData) }

        // A zero-length buffer may have a nil base address; PCRE2 accepts any non-null pointer with length 0.
        var empty: UInt8 = 0
        let base = subject.baseAddress ?? withUnsafePointer(to: &empty) { $0 }
        let length = subject.count
        // The subject is a Swift String's UTF-8, valid by construction, so skip PCRE2's check per call.
        var baseOptions: UInt32 = PCRE2_NO_UTF_CHECK
        if anchoredWhole { baseOptions |= PCRE2_ANCHORED | PCRE2_ENDANCHORED }

        var results: [Range<Int>] = []
        var start = 0
        var extraOptions: UInt32 = 0
        while start <= length, results.count < maxCount {
            let rc = pcre2_match_8(code, base, length, start, baseOptions | extraOptions, matchData, context)
            if rc == PCRE2_ERROR_NOMATCH {
                // After an empty match we retried here without allowing another empty match; on failure
                // move one code point on (as pcre2demo does), never by `end + 1` bytes into a character.
                guard extraOptions != 0 else { break }
                extraOptions = 0
                start = Self.nextCodePoint(after: start, in: subject)
                continue
            }
            if rc < 0 { throw PCRE2Error.fromMatch(code: rc) }
            guard let ovector = pcre2_get_ovector_pointer_8(matchData) else { break }
            let matchStart = ovector[0], matchEnd = ovector[1]
            // \K inside a lookaround can report start > end; such a span is not a usable finding.
            if matchStart <= matchEnd { results.append(matchStart..<matchEnd) }
            if matchEnd == matchStart {
                extraOptions = PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED
            } else {
                extraOptions = 0
            }
            start = max(matchEnd, start + (matchEnd < start ? 1 : 0))
            if anchoredWhole { break }
        }
        return results
    }

    private static func nextCodePoint(after offset: Int, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < subject.count, subject[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}
