import CPCRE2

/// Reads a PCRE2 pattern far enough to know which literals every match needs (`RequiredLiterals`).
///
/// Each piece of the pattern is summarised as the exact set of strings it can match, when that set
/// is small and known, plus clauses of literals that must occur somewhere in the text. Sequences
/// multiply exact sets into longer strings; alternations unite them; anything unknown breaks the
/// chain. Soundness comes before strength: every rule below may only lose literals, never invent
/// one, because a wrong clause would silently skip a rule that should have fired.
struct PatternLiteralAnalyzer {
    /// The summary of one piece of pattern.
    struct Piece {
        /// Every string the piece can match (lower-case ASCII), or nil when unknown or too many.
        /// The empty set means the piece never matches (`(*FAIL)`).
        var exact: Strings?
        /// Literal sets that must each have a member in the text for the piece to match.
        var clauses: [Strings]
        /// Strings one of which every match of the piece begins with: its exact strings when known,
        /// else prefixes of them. `[[]]` (the empty prefix) says nothing; `[]` means no match.
        var starts: Strings

        /// Whether every match of the piece takes at least one character.
        var consumes: Bool

        init(exact: Strings?, clauses: [Strings], starts: Strings? = nil, consumes: Bool? = nil) {
            self.exact = exact
            self.clauses = clauses
            self.starts = starts ?? exact ?? [[]]
            self.consumes = consumes ?? exact?.allSatisfy { $0.contains { $0 != PatternLiteralAnalyzer.boundary } } ?? false
        }

        /// Whether the piece holds a lookaround that may do much work wherever it is tried (see
        /// `mayBacktrackAtLength`): one tried before anything is consumed costs that at every
        /// position, which matching only at start literals would skip, limit errors included.
        var costlyAssertion = false
        /// Whether the piece is `\K`.
        var keepsOut = false

        static let emptyString = Piece(exact: [[]], clauses: [])
        static let unknown = Piece(exact: nil, clauses: [])
        /// One character of a kind no literal describes (a class, `.`, `\d`).
        static let character = Piece(exact: nil, clauses: [], consumes: true)
        static let impossible = Piece(exact: [], clauses: [])

        var isImpossible: Bool { exact?.isEmpty == true }

        /// The exact set as a clause, when it is one (no empty string, which any text contains).
        var exactClause: Strings? {
            guard let exact, !exact.isEmpty, !exact.contains([]) else { return nil }
            return exact
        }

        /// The clause that filters best: longest shortest string, then fewest strings.
        var bestClause: Strings? {
            var best: Strings?
            var bestShortest = -1
            func consider(_ clause: Strings) {
                var shortest = Int.max
                for string in clause where string.count < shortest { shortest = string.count }
                if shortest > bestShortest || (shortest == bestShortest && clause.count < (best?.count ?? .max)) {
                    best = clause
                    bestShortest = shortest
                }
            }
            for clause in clauses { consider(clause) }
            if let exactClause { consider(exactClause) }
            return best
        }
    }

    /// Byte strings, kept sorted and without repeats by `unique`.
    typealias Strings = [[UInt8]]

    /// Raised when the pattern holds a construct after which no literal can be trusted.
    struct Unanalysable: Error {}

    /// Exact sets grow by multiplication; past these sizes they become clauses instead.
    static let maxExactStrings = 64
    static let maxStringLength = 48
    /// Clauses larger than this are dropped: scanning for them would cost more than it saves.
    static let maxClauseStrings = 256
    /// Literals are cut to this many symbols (boundaries included).
    static let maxScannedLength = 14
    /// Start sets larger than this are dropped (the pattern is then tried at every position), and
    /// start strings are cut to this many raw symbols while they are multiplied out.
    static let maxStartStrings = 256
    static let maxStartLength = 32

    private let bytes: [UInt8]
    private var index = 0

    /// For each `(` of the pattern (by byte index), the index of its `)`; -1 elsewhere.
    private var closingParenthesis: [Int] = []
    /// Set on meeting anything after which a match found by trying chosen positions could differ
    /// from PCRE2's own search (see `StartLiterals`).
    private var startsUnsafe = false

    private init(_ pattern: String) { self.bytes = Array(pattern.utf8) }

    /// What one reading of a pattern tells: the literals every match needs, and (when trying chosen
    /// positions is safe) the literals every match begins with.
    struct Reading: Sendable, Hashable {
        var required: RequiredLiterals
        var starts: StartLiterals?

        static let none = Reading(required: .none, starts: nil)
    }

    static func requiredLiterals(of pattern: String, options: CompileOptions) -> RequiredLiterals {
        reading(of: pattern, options: options).required
    }

    static func reading(of pattern: String, options: CompileOptions) -> Reading {
        let unsafeOptions = UInt32(PCRE2_EXTENDED) | UInt32(PCRE2_EXTENDED_MORE) | UInt32(PCRE2_LITERAL)
        guard options.rawValue & unsafeOptions == 0 else { return .none }
        var analyzer = PatternLiteralAnalyzer(pattern)
        guard let closing = analyzer.matchingParentheses() else { return .none }
        analyzer.closingParenthesis = closing
        guard let piece = try? analyzer.alternation(), analyzer.index == analyzer.bytes.count else { return .none }
        let starts = analyzer.startsUnsafe || options.rawValue & ~startSafeOptions != 0 ? nil : startLiterals(piece.starts)
        return Reading(required: requiredLiterals(piece), starts: starts)
    }

    /// Compile options under which a search tries every character position in turn: an anchored
    /// or first-line pattern, for one, does not.
    private static let startSafeOptions: UInt32 =
        UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | UInt32(PCRE2_CASELESS) | UInt32(PCRE2_MULTILINE) | UInt32(PCRE2_DOTALL)
        | UInt32(PCRE2_DOLLAR_ENDONLY) | UInt32(PCRE2_UNGREEDY) | UInt32(PCRE2_NO_AUTO_CAPTURE) | UInt32(PCRE2_DUPNAMES)

    /// The start strings as literals the scanner can place: nil when any of them places nothing
    /// (it holds only boundaries, or the piece said nothing about its start) or begins with white
    /// space, which a match may enter anywhere in a run the scanner reads as one symbol.
    private static func startLiterals(_ starts: Strings) -> StartLiterals? {
        guard !starts.isEmpty else { return nil }
        var literals: Set<String> = []
        for start in starts {
            guard let symbols = canonical(start), let first = symbols.first(where: { $0 != boundary }), first != space
            else { return nil }
            literals.insert(String(decoding: symbols.prefix(maxScannedLength), as: UTF8.self))
        }
        return StartLiterals(literals: literals.sorted())
    }

    private static func requiredLiterals(_ piece: Piece) -> RequiredLiterals {
        var clauses = piece.clauses
        if let exactClause = piece.exactClause { clauses.append(exactClause) }
        var canonicalClauses: [[String]] = []
        for clause in clauses where clause.count <= maxClauseStrings {
            var strings: Set<String> = []
            var holdsAlways = false
            for literal in clause {
                guard let symbols = canonical(literal) else {
                    holdsAlways = true
                    break
                }
                // A literal's start filters about as well as all of it, and long literals would
                // make the scanner's automaton large and slow.
                strings.insert(String(decoding: symbols.prefix(maxScannedLength), as: UTF8.self))
            }
            if !holdsAlways { canonicalClauses.append(strings.sorted()) }
        }
        let strings = Set(canonicalClauses)
        return RequiredLiterals(clauses: strings.sorted { $0.lexicographicallyPrecedes($1) })
    }

    // MARK: - Grammar

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func startsHere(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        return index + needle.count <= bytes.count && Array(bytes[index..<index + needle.count]) == needle
    }

    /// Branches separated by `|`, up to a `)` (not consumed) or the end.
    private mutating func alternation() throws(Unanalysable) -> Piece {
        var branches = [try sequence()]
        while current == UInt8(ascii: "|") {
            index += 1
            branches.append(try sequence())
        }
        return Self.union(branches)
    }

    private mutating func sequence() throws(Unanalysable) -> Piece {
        var items: [Piece] = []
        // Runs of plain characters are most of a pattern; collecting them as bytes avoids building
        // a one-string set per character.
        var run: [UInt8] = []
        while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            if let literal = plainLiteral() {
                run.append(literal)
                continue
            }
            if !run.isEmpty {
                items.append(Piece(exact: [run], clauses: []))
                run.removeAll(keepingCapacity: true)
            }
            let atom = try self.atom()
            items.append(try quantified(atom))
        }
        if !run.isEmpty { items.append(Piece(exact: [run], clauses: [])) }
        // After \K a match is reported from there on. Tried where it begins, it is still the match
        // PCRE2's search finds, as long as what follows \K cannot be empty: an empty match would
        // make the search retry at the same place, which a list of positions does not.
        if let keep = items.lastIndex(where: \.keepsOut), !Self.concatenation(Array(items[(keep + 1)...])).consumes {
            startsUnsafe = true
        }
        return Self.concatenation(items)
    }

    /// The next character when it is a literal with no quantifier after it (`a`, `\.`), consumed.
    private mutating func plainLiteral() -> UInt8? {
        guard let byte = current, byte < 0x80 else { return nil }
        var literal = byte
        var length = 1
        if byte == UInt8(ascii: "\\") {
            guard let escaped = peek(1), escaped < 0x80, !Self.isWordByte(escaped) else { return nil }
            literal = escaped
            length = 2
        } else if Self.metacharacters[Int(byte)] {
            return nil
        }
        if let next = peek(length) {
            if next == UInt8(ascii: "*") || next == UInt8(ascii: "+") || next == UInt8(ascii: "?") { return nil }
            if next == UInt8(ascii: "{"), braceQuantifier(at: index + length) != nil { return nil }
        }
        guard let symbol = Self.symbol(literal) else { return nil }
        index += length
        return symbol
    }

    private static let metacharacters: [Bool] = (0..<128).map { "\\[](){}.*+?^$|".utf8.contains(UInt8($0)) }

    /// An atom and any quantifier after it.
    private mutating func quantified(_ atom: Piece) throws(Unanalysable) -> Piece {
        var piece = try repeated(atom)
        piece.costlyAssertion = atom.costlyAssertion
        piece.keepsOut = atom.keepsOut
        return piece
    }

    private mutating func repeated(_ atom: Piece) throws(Unanalysable) -> Piece {
        guard let (min, max) = quantifier() else { return atom }
        // A possessive or lazy suffix changes how, not whether, the atom matches.
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "?") { index += 1 }
        if atom.isImpossible { return min == 0 ? .emptyString : .impossible }
        if atom.exact == [[Self.space]] {
            // The scanner reads any run of white space as one space.
            return Piece(exact: min == 0 ? [[], [Self.space]] : [[Self.space]], clauses: [])
        }
        if min == 0 {
            if max == 1, var exact = atom.exact, exact.count < Self.maxExactStrings {
                exact = Self.unique(exact + [[]])
                return Piece(exact: exact, clauses: [])
            }
            return .unknown
        }
        if min == 1, max == 1 { return atom }
        var clauses = atom.clauses
        if let exactClause = atom.exactClause { clauses.append(exactClause) }
        // Every match begins with a first repetition of the atom.
        return Piece(exact: nil, clauses: clauses, starts: atom.starts, consumes: atom.consumes)
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and `{,m}` (min, max; max nil when unbounded).
    private mutating func quantifier() -> (Int, Int?)? {
        switch current {
        case UInt8(ascii: "*"):
            index += 1
            return (0, nil)
        case UInt8(ascii: "+"):
            index += 1
            return (1, nil)
        case UInt8(ascii: "?"):
            index += 1
            return (0, 1)
        case UInt8(ascii: "{"):
            guard let (min, max, length) = braceQuantifier(at: index) else { return nil }
            index += length
            return (min, max)
        default:
            return nil
        }
    }

    /// A `{…}` quantifier at `start`: (min, max, length in bytes), or nil when the brace is a literal.
    /// `{,m}` counts as a quantifier from 0 (as newer PCRE2 reads it): claiming less is always safe.
    private func braceQuantifier(at start: Int) -> (Int, Int?, Int)? {
        var position = start + 1
        func number() -> Int? {
            var value: Int?
            while position < bytes.count, let digit = Self.digit(bytes[position]) {
                value = Swift.min((value ?? 0) * 10 + digit, 100_000)
                position += 1
            }
            return value
        }
        let low = number()
        var high: Int?
        var hasComma = false
        if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
            hasComma = true
            position += 1
            high = number()
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}"), low != nil || high != nil else { return nil }
        let min = low ?? 0
        let max = hasComma ? high : min
        return (min, max, position + 1 - start)
    }

    private mutating func atom() throws(Unanalysable) -> Piece {
        guard let byte = current else { return .emptyString }
        switch byte {
        case UInt8(ascii: "("):
            return try group()
        case UInt8(ascii: "["):
            return try characterClass()
        case UInt8(ascii: "\\"):
            return try escape()
        case UInt8(ascii: "."):
            index += 1
            return .character
        case UInt8(ascii: "^"), UInt8(ascii: "$"):
            index += 1
            return .emptyString
        case UInt8(ascii: "{") where braceQuantifier(at: index) != nil:
            // A quantifier with nothing before it does not compile; read it as unknown.
            index += braceQuantifier(at: index)?.2 ?? 1
            return .unknown
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw Unanalysable()
        default:
            return literal(consumingCharacterAt: index)
        }
    }

    /// One character of pattern text: ASCII becomes a literal, anything else is unknown (caseless
    /// matching of non-ASCII letters is beyond an ASCII fold).
    private mutating func literal(consumingCharacterAt position: Int) -> Piece {
        let byte = bytes[position]
        index = position + 1
        if byte < 0x80 { return Self.byteLiteral(byte) }
        return consumeNonASCII(leadAt: position).map { Piece(exact: [[$0]], clauses: []) } ?? .character
    }

    /// Consumes the non-ASCII character whose lead byte is at `position` and says how the scanner
    /// reads it: white space as a space, anything else as `other`, except the characters PCRE2's
    /// caseless matching pairs with ASCII letters (ſ with s, KELVIN SIGN with k, and the Turkish
    /// İ and ı, to be safe), which stay unknown.
    private mutating func consumeNonASCII(leadAt position: Int) -> UInt8? {
        let length = LiteralSetScanner.sequenceLength(bytes[position])
        index = position + 1
        while let next = current, next & 0xC0 == 0x80 { index += 1 }
        guard index - position == length else { return nil }
        let isSpace = bytes.withUnsafeBufferPointer {
            LiteralSetScanner.isUnicodeSpace($0, at: position, length: length)
        }
        if isSpace { return Self.space }
        var codePoint = UInt32(bytes[position]) & (0xFF >> (length + 1))
        for offset in 1..<length { codePoint = codePoint << 6 | UInt32(bytes[position + offset]) & 0x3F }
        return [0x130, 0x131, 0x17F, 0x212A].contains(codePoint) ? nil : Self.other
    }

    // MARK: Groups

    private mutating func group() throws(Unanalysable) -> Piece {
        let open = index
        index += 1  // (
        if current == UInt8(ascii: "*") { return try verb(open: open) }
        guard current == UInt8(ascii: "?") else { return try groupBody(.plain, open: open) }
        index += 1
        guard let kind = current else { throw Unanalysable() }
        switch kind {
        case UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "|"):
            index += 1
            return try groupBody(.plain, open: open)
        case UInt8(ascii: "="):
            index += 1
            return try groupBody(.positiveLookaround, open: open)
        case UInt8(ascii: "!"):
            index += 1
            return try groupBody(.negativeLookaround, open: open)
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "=") {
                index += 2
                return try groupBody(.positiveLookaround, open: open)
            }
            if peek(1) == UInt8(ascii: "!") {
                index += 2
                return try groupBody(.negativeLookaround, open: open)
            }
            try skipName(closing: UInt8(ascii: ">"))
            return try groupBody(.plain, open: open)
        case UInt8(ascii: "'"):
            try skipName(closing: UInt8(ascii: "'"))
            return try groupBody(.plain, open: open)
        case UInt8(ascii: "P"):
            if peek(1) == UInt8(ascii: "<") {
                index += 1
                try skipName(closing: UInt8(ascii: ">"))
                return try groupBody(.plain, open: open)
            }
            // (?P=name) backreference, (?P>name) call.
            try skipToClosingParenthesis()
            return .unknown
        case UInt8(ascii: "#"):
            try skipToClosingParenthesis()
            return .emptyString
        case UInt8(ascii: "("):
            return try conditional(open: open)
        case UInt8(ascii: "&"), UInt8(ascii: "R"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipToClosingParenthesis()
            return .unknown
        case UInt8(ascii: "-") where peek(1).map(Self.isDigit) == true:
            try skipToClosingParenthesis()
            return .unknown
        case UInt8(ascii: "C"):
            throw Unanalysable()
        default:
            return try optionSetting(open: open)
        }
    }

    private enum GroupKind { case plain, positiveLookaround, negativeLookaround }

    /// The inside of the group opened at `open`, up to and including its `)`.
    private mutating func groupBody(_ kind: GroupKind, open: Int) throws(Unanalysable) -> Piece {
        // A negative lookaround needs nothing, and a huge group (a spliced vocabulary of hundreds
        // of words) is too broad to filter with: find their ends without analysing them.
        let end = closingParenthesis[open]
        guard end >= index else { throw Unanalysable() }
        let costly = kind != .plain && mayBacktrackAtLength(from: index, to: end)
        if kind == .negativeLookaround || end - index > Self.maxAnalysedGroupBytes {
            var skimmed: Piece = kind == .negativeLookaround ? .emptyString : .unknown
            skimmed.costlyAssertion = costly
            if kind == .plain, end - index <= Self.maxStartAnalysedGroupBytes, let inner = try? alternation(), index == end {
                // Too broad to require, but a large alternation of words still says where a
                // match can begin. (Reading the 8 KB TLD lists would double the time a
                // prefilter takes to build, for groups that never start a pattern.)
                skimmed.starts = inner.starts
                skimmed.consumes = inner.consumes
                skimmed.costlyAssertion = inner.costlyAssertion
            }
            index = end + 1
            return skimmed
        }
        let inner = try alternation()
        guard current == UInt8(ascii: ")") else { throw Unanalysable() }
        index += 1
        switch kind {
        case .plain:
            return inner
        case .negativeLookaround:
            return .emptyString
        case .positiveLookaround:
            // Zero width, but what it looks at must be in the text.
            if inner.isImpossible { return .impossible }
            var clauses = inner.clauses
            if let exactClause = inner.exactClause { clauses.append(exactClause) }
            var piece = Piece(exact: [[]], clauses: clauses)
            piece.costlyAssertion = costly
            return piece
        }
    }

    /// Whether the pattern text in `start..<end` (a lookaround's body) could do much work at one
    /// position: an unbounded repetition, a repeated group, a backreference or a call. A bounded
    /// repetition of single items costs little; nested or unbounded ones may not. Read lexically
    /// and erring towards yes.
    private func mayBacktrackAtLength(from start: Int, to end: Int) -> Bool {
        var position = start
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\\"):
                guard position + 1 < end else { return true }
                let escaped = bytes[position + 1]
                if escaped == UInt8(ascii: "g") || escaped == UInt8(ascii: "k")
                    || (escaped >= UInt8(ascii: "1") && escaped <= UInt8(ascii: "9"))
                    || escaped == UInt8(ascii: "Q")
                {
                    return true
                }
                position += 2
                continue
            case UInt8(ascii: "["):
                guard let classEnd = skimClassEnd(from: position) else { return true }
                position = classEnd + 1
                if Self.quantifierIsUnbounded(bytes, at: position, end: end) { return true }
                continue
            case UInt8(ascii: "*"), UInt8(ascii: "+"):
                return true
            case UInt8(ascii: "{"):
                if Self.quantifierIsUnbounded(bytes, at: position, end: end) { return true }
            case UInt8(ascii: ")"):
                if position + 1 < end,
                    [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(bytes[position + 1])
                {
                    return true
                }
            case UInt8(ascii: "("):
                // (?R), (?1), (?+1), (?-1), (?&name), (?P>name), (?P=name): calls and backreferences.
                if position + 2 < end, bytes[position + 1] == UInt8(ascii: "?") {
                    let next = bytes[position + 2]
                    if next == UInt8(ascii: "R") || next == UInt8(ascii: "&") || next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
                        || Self.isDigit(next)
                        || (next == UInt8(ascii: "P") && position + 3 < end && bytes[position + 3] != UInt8(ascii: "<"))
                    {
                        return true
                    }
                }
            default:
                break
            }
            position += 1
        }
        return false
    }

    /// Whether a quantifier at `position` repeats without bound (`*`, `+`, `{n,}`).
    private static func quantifierIsUnbounded(_ bytes: [UInt8], at position: Int, end: Int) -> Bool {
        guard position < end else { return false }
        switch bytes[position] {
        case UInt8(ascii: "*"), UInt8(ascii: "+"): return true
        case UInt8(ascii: "{"):
            var index = position + 1
            while index < end, isDigit(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            return index < end && bytes[index] == UInt8(ascii: "}")
        default: return false
        }
    }

    /// `(?i)`, `(?-i:…)`, `(?^s)`…; extended mode (`x`) changes what every later byte means.
    private mutating func optionSetting(open: Int) throws(Unanalysable) -> Piece {
        var negated = false
        while let byte = current, byte != UInt8(ascii: ")"), byte != UInt8(ascii: ":") {
            switch byte {
            case UInt8(ascii: "-"): negated = true
            case UInt8(ascii: "^"): negated = false
            case UInt8(ascii: "x") where !negated: throw Unanalysable()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            default: throw Unanalysable()
            }
            index += 1
        }
        guard let end = current else { throw Unanalysable() }
        index += 1
        return end == UInt8(ascii: ":") ? try groupBody(.plain, open: open) : .emptyString
    }

    /// `(?(condition)yes|no)`: either branch may run, so only what both need could count; kept
    /// simple as unknown. `(?(DEFINE)…)` defines subpatterns and matches nothing.
    private mutating func conditional(open: Int) throws(Unanalysable) -> Piece {
        let isDefine = startsHere("(DEFINE)")
        let end = closingParenthesis[open]
        guard end > index else { throw Unanalysable() }
        index = end + 1
        return isDefine ? .emptyString : .unknown
    }

    /// `(*VERB)`, `(*VERB:arg)` and the alphabetic assertions `(*pla:…)`, `(*atomic:…)`.
    private mutating func verb(open: Int) throws(Unanalysable) -> Piece {
        index += 1  // *
        let start = index
        while let byte = current, Self.isWordByte(byte) { index += 1 }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        if current == UInt8(ascii: ":") {
            switch name.lowercased() {
            case "pla", "positive_lookahead", "napla", "non_atomic_positive_lookahead", "plb",
                "positive_lookbehind", "naplb", "non_atomic_positive_lookbehind":
                index += 1
                return try groupBody(.positiveLookaround, open: open)
            case "nla", "negative_lookahead", "nlb", "negative_lookbehind":
                index += 1
                return try groupBody(.negativeLookaround, open: open)
            case "atomic", "sr", "script_run", "asr", "atomic_script_run":
                index += 1
                return try groupBody(.plain, open: open)
            default:
                break
            }
        }
        switch name {
        case "F", "FAIL", "FALSE":
            try skipToClosingParenthesis()
            return .impossible
        case "ACCEPT":
            // Ends the match early: nothing after it is required any more.
            throw Unanalysable()
        case "", "MARK", "PRUNE", "SKIP", "THEN", "COMMIT":
            // Backtracking verbs act on PCRE2's own bump-along (SKIP and COMMIT decide where, or
            // whether, it tries next), which matching at chosen positions would not reproduce.
            startsUnsafe = true
            try skipToClosingParenthesis()
            return .emptyString
        default:
            // Start-of-pattern options: (*UTF), (*UCP), (*CRLF), (*LIMIT_MATCH=…)…
            guard name.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }), !name.isEmpty else {
                throw Unanalysable()
            }
            // A newline convention such as (*CRLF) makes PCRE2 skip the position between CR and
            // LF; the others leave the positions it tries alone.
            if !Self.startSafeVerbs.contains(name) { startsUnsafe = true }
            try skipToClosingParenthesis()
            return .emptyString
        }
    }

    private static let digitStarts: Strings = (UInt8(ascii: "0")...UInt8(ascii: "9")).map { [$0] } + [[other]]

    /// Verbs that leave the positions a search tries, and what it reports, alone: failing, and the
    /// start-of-pattern options other than newline conventions.
    private static let startSafeVerbs: Set<String> = [
        "F", "FAIL", "FALSE", "UTF", "UTF8", "UCP", "LIMIT_MATCH", "LIMIT_DEPTH", "LIMIT_HEAP", "LIMIT_RECURSION",
        "NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR", "NO_JIT", "NO_START_OPT", "NOTEMPTY", "NOTEMPTY_ATSTART", "BSR_ANYCRLF",
        "BSR_UNICODE",
    ]

    private mutating func skipName(closing: UInt8) throws(Unanalysable) {
        index += 1
        while let byte = current, byte != closing { index += 1 }
        guard current == closing else { throw Unanalysable() }
        index += 1
    }

    /// Skips to just after the next `)`: only used inside constructs that hold no groups.
    private mutating func skipToClosingParenthesis() throws(Unanalysable) {
        while let byte = current, byte != UInt8(ascii: ")") { index += 1 }
        guard current == UInt8(ascii: ")") else { throw Unanalysable() }
        index += 1
    }

    /// Groups longer than this are skimmed, not analysed. As long as the start reading's limit:
    /// a group up to that size is read anyway, and a long phrase pattern written as
    /// `\b(?:branch|branch…)` (one boundary test for all branches) keeps its literals.
    static let maxAnalysedGroupBytes = 4_000
    /// Groups up to this long are still read for their starts.
    static let maxStartAnalysedGroupBytes = 4_000

    /// Pairs every `(` with its `)`, reading only what can hide a parenthesis: escapes, `\Q…\E`,
    /// classes and comments. Nil when they do not pair up, the pattern uses something this
    /// reading is not sure of, or it holds `(*ACCEPT)` or a callout anywhere (even in a part the
    /// analysis later skims). On the way it notes, wherever they stand, what makes start literals
    /// unsafe (`startsUnsafe`): `\G`, `\C`, `\K` inside a group, and verbs.
    private mutating func matchingParentheses() -> [Int]? {
        var closing = [Int](repeating: -1, count: bytes.count)
        var open: [Int] = []
        var position = 0
        let count = bytes.count
        while position < count {
            switch bytes[position] {
            case UInt8(ascii: "\\"):
                if position + 1 < count, bytes[position + 1] == UInt8(ascii: "Q") {
                    position += 2
                    while position + 1 < count, !(bytes[position] == UInt8(ascii: "\\") && bytes[position + 1] == UInt8(ascii: "E")) {
                        position += 1
                    }
                } else if position + 1 < count {
                    switch bytes[position + 1] {
                    // \K outside any group is checked where it stands (`sequence`).
                    case UInt8(ascii: "K") where !open.isEmpty, UInt8(ascii: "G"), UInt8(ascii: "C"): startsUnsafe = true
                    default: break
                    }
                }
                position += 2
            case UInt8(ascii: "["):
                guard let end = skimClassEnd(from: position) else { return nil }
                position = end + 1
            case UInt8(ascii: "("):
                if position + 2 < count, bytes[position + 1] == UInt8(ascii: "?"), bytes[position + 2] == UInt8(ascii: "#") {
                    let start = position
                    while position < count, bytes[position] != UInt8(ascii: ")") { position += 1 }
                    guard position < count else { return nil }
                    closing[start] = position
                } else {
                    if position + 2 < count, bytes[position + 1] == UInt8(ascii: "?"), bytes[position + 2] == UInt8(ascii: "C") {
                        return nil
                    }
                    if position + 1 < count, bytes[position + 1] == UInt8(ascii: "*") {
                        var end = position + 2
                        while end < count, Self.isWordByte(bytes[end]) { end += 1 }
                        let name = String(decoding: bytes[position + 2..<end], as: UTF8.self)
                        if name == "ACCEPT" { return nil }
                        let isAssertion = end < count && bytes[end] == UInt8(ascii: ":") && name.first?.isLowercase == true
                        if !isAssertion, !Self.startSafeVerbs.contains(name) { startsUnsafe = true }
                    }
                    open.append(position)
                }
                position += 1
            case UInt8(ascii: ")"):
                guard let start = open.popLast() else { return nil }
                closing[start] = position
                position += 1
            default:
                position += 1
            }
        }
        return open.isEmpty ? closing : nil
    }

    /// The index of the `]` closing the class opened at `start`.
    private func skimClassEnd(from start: Int) -> Int? {
        var position = start + 1
        let count = bytes.count
        if position < count, bytes[position] == UInt8(ascii: "^") { position += 1 }
        if position < count, bytes[position] == UInt8(ascii: "]") { position += 1 }
        while position < count {
            switch bytes[position] {
            case UInt8(ascii: "\\"):
                // Quoting inside a class is too rare to be worth reading right.
                if position + 1 < count, bytes[position + 1] == UInt8(ascii: "Q") || bytes[position + 1] == UInt8(ascii: "E") {
                    return nil
                }
                position += 2
            case UInt8(ascii: "["):
                if position + 1 < count, bytes[position + 1] == UInt8(ascii: ":") {
                    position += 2
                    while position < count, bytes[position] != UInt8(ascii: "]") { position += 1 }
                    position += 1
                } else {
                    position += 1
                }
            case UInt8(ascii: "]"):
                return position
            default:
                position += 1
            }
        }
        return nil
    }

    // MARK: Escapes

    private mutating func escape() throws(Unanalysable) -> Piece {
        index += 1  // backslash
        guard let byte = current else { throw Unanalysable() }
        index += 1
        switch byte {
        case UInt8(ascii: "Q"):
            var chain: [Piece] = []
            while !atEnd, !startsHere("\\E") { chain.append(literal(consumingCharacterAt: index)) }
            if startsHere("\\E") { index += 2 }
            // A quantifier after `\E` repeats the last character only, as after a plain run.
            if let last = chain.popLast() { chain.append(try quantified(last)) }
            return Self.concatenation(chain)
        case UInt8(ascii: "b"):
            return Piece(exact: [[Self.boundary]], clauses: [])
        case UInt8(ascii: "G"):
            // Where the search started matters to \G, and that differs when matching at chosen positions.
            startsUnsafe = true
            return .emptyString
        case UInt8(ascii: "K"):
            // Moves the reported start; `sequence` checks what follows (inside a group it is
            // refused outright, see `matchingParentheses`).
            var keep = Piece.emptyString
            keep.keepsOut = true
            return keep
        case UInt8(ascii: "C"):
            // One code unit: a match could end inside a character, and the next search start there.
            startsUnsafe = true
            return .unknown
        case UInt8(ascii: "E"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"):
            return .emptyString
        case UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "v"), UInt8(ascii: "R"), UInt8(ascii: "n"), UInt8(ascii: "t"),
            UInt8(ascii: "r"), UInt8(ascii: "f"):
            // White space of any kind is one space to the scanner.
            return Piece(exact: [[Self.space]], clauses: [])
        case UInt8(ascii: "e"), UInt8(ascii: "a"):
            return .character
        case UInt8(ascii: "d"):
            // Too many strings to require, but a match can start only at a digit: an ASCII one, or
            // (under UCP) another script's, which the scanner reads as `other`.
            return Piece(exact: nil, clauses: [], starts: Self.digitStarts, consumes: true)
        case UInt8(ascii: "x"), UInt8(ascii: "o"):
            return codeEscape(radix: byte == UInt8(ascii: "x") ? 16 : 8)
        case UInt8(ascii: "0"):
            return codeEscape(radix: 8, leadingZero: true)
        case UInt8(ascii: "c"):
            index += 1
            return .character
        case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "N"):
            skipEscapeArgument(of: byte)
            return .character
        case UInt8(ascii: "g"), UInt8(ascii: "k"):
            // Backreferences and calls, which may match nothing.
            skipEscapeArgument(of: byte)
            return .unknown
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            while let next = current, Self.isDigit(next) { index += 1 }
            return .unknown
        default:
            if Self.isWordByte(byte) || byte >= 0x80 {
                // \d \w \s \h \v \R \X \C and friends: classes, not literals.
                if byte >= 0x80 { while let next = current, next & 0xC0 == 0x80 { index += 1 } }
                return .character
            }
            return Self.byteLiteral(byte)
        }
    }

    /// `\x41`, `\x{41}`, `\o{101}`, `\012`: ASCII code points become literals.
    private mutating func codeEscape(radix: Int, leadingZero: Bool = false) -> Piece {
        var value = 0
        if !leadingZero, current == UInt8(ascii: "{") {
            index += 1
            while let byte = current, byte != UInt8(ascii: "}") {
                guard let digit = Self.digit(byte, radix: radix) else { return .character }
                value = Swift.min(value * radix + digit, 0x11_0000)
                index += 1
            }
            guard current == UInt8(ascii: "}") else { return .character }
            index += 1
        } else {
            let maxDigits = radix == 16 ? 2 : (leadingZero ? 2 : 3)
            var count = 0
            while count < maxDigits, let byte = current, let digit = Self.digit(byte, radix: radix) {
                value = value * radix + digit
                index += 1
                count += 1
            }
        }
        return value < 0x80 ? Self.byteLiteral(UInt8(value)) : .character
    }

    /// The argument after `\p` (`{L}` or `L`), `\N` (`{U+41}` or none), `\g` (`{…}`, `<…>`, `'…'`,
    /// `1`, `-1`, `+1`) and `\k` (`<…>`, `'…'`, `{…}`).
    private mutating func skipEscapeArgument(of escape: UInt8) {
        guard let open = current else { return }
        let close: UInt8? =
            switch open {
            case UInt8(ascii: "{"): UInt8(ascii: "}")
            case UInt8(ascii: "<") where escape == UInt8(ascii: "g") || escape == UInt8(ascii: "k"): UInt8(ascii: ">")
            case UInt8(ascii: "'") where escape == UInt8(ascii: "g") || escape == UInt8(ascii: "k"): UInt8(ascii: "'")
            default: nil
            }
        if let close {
            index += 1
            while let byte = current, byte != close { index += 1 }
            if current == close { index += 1 }
            return
        }
        switch escape {
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            index += 1  // \pL: one letter
        case UInt8(ascii: "g"):
            if open == UInt8(ascii: "-") || open == UInt8(ascii: "+") { index += 1 }
            while let next = current, Self.isDigit(next) { index += 1 }
        default:
            break
        }
    }

    // MARK: Character classes

    /// A small class of ASCII characters is a set of one-character literals; anything else
    /// (negation, ranges over 10 characters, `\w`, POSIX classes, non-ASCII) is unknown.
    private mutating func characterClass() throws(Unanalysable) -> Piece {
        index += 1  // [
        var negated = false
        if current == UInt8(ascii: "^") {
            negated = true
            index += 1
        }
        var members = Set<UInt8>()
        var known = !negated
        var previous: UInt8?
        var previousWasNonASCII = false
        var first = true
        while true {
            guard let byte = current else { throw Unanalysable() }
            if byte == UInt8(ascii: "]"), !first {
                index += 1
                break
            }
            first = false
            if byte == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "Q") || peek(1) == UInt8(ascii: "E") {
                // Quoting inside a class could hide the closing bracket; not worth reading.
                throw Unanalysable()
            }
            if byte == UInt8(ascii: "["), peek(1) == UInt8(ascii: ":") {
                // [:alpha:] and friends.
                index += 2
                while let next = current, next != UInt8(ascii: "]") { index += 1 }
                guard current == UInt8(ascii: "]") else { throw Unanalysable() }
                index += 1
                known = false
                previous = nil
                continue
            }
            if byte == UInt8(ascii: "-"), previousWasNonASCII, peek(1) != UInt8(ascii: "]") {
                // A range from a non-ASCII character spans characters this reading cannot tell apart.
                known = false
            }
            if byte == UInt8(ascii: "-"), let low = previous, let high = peek(1), high != UInt8(ascii: "]") {
                // A range: low-high (high may be an escape).
                index += 1
                let upperIsASCII = (current ?? 0) < 0x80
                guard let upper = classMember(), upperIsASCII else {
                    known = false
                    previous = nil
                    continue
                }
                if upper < low || Int(upper) - Int(low) > 10 {
                    known = false
                } else {
                    for member in low...upper {
                        guard let symbol = Self.symbol(member) else {
                            known = false
                            continue
                        }
                        members.insert(symbol)
                    }
                }
                _ = high
                previous = nil
                continue
            }
            let memberIsASCII = byte < 0x80
            guard let member = classMember() else {
                known = false
                previous = nil
                continue
            }
            if member == Self.other {
                members.insert(member)
            } else if let symbol = Self.symbol(member) {
                members.insert(symbol)
            } else {
                known = false
            }
            previous = memberIsASCII ? member : nil
            previousWasNonASCII = !memberIsASCII
        }
        guard known, !members.isEmpty, members.count <= 10 else { return .character }
        return Piece(exact: members.sorted().map { [$0] }, clauses: [])
    }

    /// One member of a class: its ASCII byte, or nil for a class escape or a non-ASCII character.
    private mutating func classMember() -> UInt8? {
        guard let byte = current else { return nil }
        if byte >= 0x80 { return consumeNonASCII(leadAt: index) }
        index += 1
        guard byte == UInt8(ascii: "\\"), let escaped = current else {
            // A raw control character is nothing the scanner keeps apart.
            return byte < 0x20 && !(0x09...0x0D).contains(byte) ? nil : byte
        }
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "e"): return 0x1B
        case UInt8(ascii: "a"): return 0x07
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "x"), UInt8(ascii: "o"):
            if case let .some(exact) = codeEscape(radix: escaped == UInt8(ascii: "x") ? 16 : 8).exact,
                let only = exact.first, exact.count == 1, only.count == 1
            {
                return only[0]
            }
            return nil
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            skipEscapeArgument(of: escaped)
            return nil
        case UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "v"):
            return Self.space
        default:
            if escaped >= 0x80 {
                while let next = current, next & 0xC0 == 0x80 { index += 1 }
                return nil
            }
            // \d \w \s \h \v \Q…: not a single literal.
            return Self.isWordByte(escaped) ? nil : escaped
        }
    }

    // MARK: - Combining pieces

    static func concatenation(_ items: [Piece]) -> Piece {
        if items.contains(where: { $0.isImpossible }) { return .impossible }
        var clauses: [Strings] = []
        var chain: Strings = [[]]
        var isExact = true
        func flush() {
            if !chain.isEmpty, !chain.contains([]) { clauses.append(chain) }
            chain = [[]]
        }
        for item in items {
            clauses += item.clauses
            guard let exact = item.exact else {
                isExact = false
                flush()
                continue
            }
            if exact == [[]] { continue }
            if let product = product(chain, exact) {
                chain = product
            } else {
                isExact = false
                flush()
                chain = exact
            }
        }
        var piece = Piece(
            exact: nil, clauses: clauses, starts: sequenceStarts(items), consumes: items.contains { $0.consumes })
        piece.costlyAssertion = items.contains { $0.costlyAssertion }
        if isExact {
            piece.exact = chain
        } else {
            flush()
            piece.clauses = clauses
        }
        return piece
    }

    /// The strings a match of `items`, one after the other, begins with: the leading exact items
    /// multiplied out (zero-width ones, whose only string is empty, change nothing), extended by
    /// the starts of the first item that is not exact, or cut short when the set grows too big
    /// (a prefix of a start is still a start).
    static func sequenceStarts(_ items: [Piece]) -> Strings {
        var starts: Strings = [[]]
        for item in items {
            // An expensive lookaround met before anything is consumed runs at every position;
            // only a search that tries them all reports the same limit errors.
            if item.costlyAssertion, item.exact == [[]], starts.allSatisfy({ $0.allSatisfy { $0 == boundary } }) {
                return [[]]
            }
            let next = item.exact ?? item.starts
            guard let product = startProduct(starts, next) else { break }
            starts = product.strings
            if item.exact == nil || product.truncated { break }
        }
        return starts
    }

    /// Every string of `lhs` followed by every string of `rhs`, cut at `maxStartLength` symbols
    /// (`truncated` says whether any was); nil when there would be more than `maxStartStrings`.
    private static func startProduct(_ lhs: Strings, _ rhs: Strings) -> (strings: Strings, truncated: Bool)? {
        guard lhs.count * rhs.count <= maxStartStrings else { return nil }
        var truncated = false
        var result: Strings = []
        result.reserveCapacity(lhs.count * rhs.count)
        for left in lhs {
            for right in rhs {
                var joined = left + right
                if joined.count > maxStartLength {
                    joined.removeLast(joined.count - maxStartLength)
                    truncated = true
                }
                result.append(joined)
            }
        }
        return (unique(result), truncated)
    }

    /// Every string of `lhs` followed by every string of `rhs`, or nil when that grows too big.
    private static func product(_ lhs: Strings, _ rhs: Strings) -> Strings? {
        guard lhs.count * rhs.count <= maxExactStrings else { return nil }
        if lhs.count == 1, rhs.count == 1 {
            guard lhs[0].count + rhs[0].count <= maxStringLength else { return nil }
            return [lhs[0] + rhs[0]]
        }
        var result: Strings = []
        result.reserveCapacity(lhs.count * rhs.count)
        for left in lhs {
            for right in rhs {
                guard left.count + right.count <= maxStringLength else { return nil }
                result.append(left + right)
            }
        }
        return unique(result)
    }

    /// Sorted, without repeats: sets of byte strings without hashing each one.
    static func unique(_ strings: Strings) -> Strings {
        guard strings.count > 1 else { return strings }
        let sorted = strings.sorted { $0.lexicographicallyPrecedes($1) }
        var result: Strings = [sorted[0]]
        for string in sorted.dropFirst() where string != result[result.count - 1] { result.append(string) }
        return result
    }

    static func union(_ branches: [Piece]) -> Piece {
        let live = branches.filter { !$0.isImpossible }
        guard !live.isEmpty else { return .impossible }
        if live.count == 1 { return live[0] }
        // A match comes from one branch, so it begins with one of the branches' starts; when they
        // are too many, their beginnings (a prefix of a start is a start) may be few enough.
        var starts = unique(Array(live.map(\.starts).joined()))
        for length in [12, 8, 6, 4, 3, 2, 1] where starts.count > maxStartStrings {
            starts = unique(starts.map { Array($0.prefix(length)) })
        }
        if starts.count > maxStartStrings || starts.contains([]) { starts = [[]] }
        var piece = Piece(exact: nil, clauses: [], starts: starts, consumes: live.allSatisfy { $0.consumes })
        piece.costlyAssertion = live.contains { $0.costlyAssertion }
        let exactSets = live.compactMap { $0.exact }
        if exactSets.count == live.count, live.allSatisfy({ $0.clauses.isEmpty }) {
            let union = unique(Array(exactSets.joined()))
            if union.count <= maxExactStrings {
                piece.exact = union
                return piece
            }
        }
        // A match comes from one branch, so it needs one of the branches' best clauses.
        var clause: Strings = []
        for branch in live {
            guard let best = branch.bestClause else { return piece }
            clause += best
            // Past this size the clause is dropped anyway; stop growing it.
            if clause.count > maxClauseStrings * 4 { return piece }
        }
        piece.clauses = [unique(clause)]
        return piece
    }

    // MARK: - Bytes

    private static func byteLiteral(_ byte: UInt8) -> Piece {
        symbol(byte).map { Piece(exact: [[$0]], clauses: []) } ?? .character
    }

    /// Literals are written in the scanner's alphabet (`LiteralSetScanner`): ASCII letters in lower
    /// case, any white space as one space, `boundary` where a `\b` stood, `other` for a non-ASCII
    /// character (see `consumeNonASCII`).
    static let boundary = LiteralSetScanner.boundary
    static let space = LiteralSetScanner.space
    static let other = LiteralSetScanner.other

    /// An ASCII character as the scanner reads it; nil for control characters, which the
    /// scanner's alphabet does not keep apart.
    static func symbol(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x09...0x0D, 0x20: space
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        case 0x00..<0x20, 0x7F...: nil
        default: byte
        }
    }

    /// A literal as the scanner will meet it: white-space runs collapsed, and boundaries exactly
    /// where the scanner puts them (between a word and a non-word character), plus a `\b` the
    /// pattern asked for at either end. Nil when nothing but boundaries is left.
    static func canonical(_ literal: [UInt8]) -> [UInt8]? {
        var symbols: [UInt8] = []
        for symbol in literal where symbol != boundary {
            if symbol == space, symbols.last == space { continue }
            symbols.append(symbol)
        }
        guard !symbols.isEmpty else { return nil }
        var result: [UInt8] = literal.first == boundary ? [boundary] : []
        for (index, symbol) in symbols.enumerated() {
            if index > 0,
                symbol == other || symbols[index - 1] == other || isWordByte(symbols[index - 1]) != isWordByte(symbol)
            {
                result.append(boundary)
            }
            result.append(symbol)
        }
        if literal.last == boundary { result.append(boundary) }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    private static func digit(_ byte: UInt8, radix: Int = 10) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }
}
