/// Finds which of many literal strings occur in a text, in one pass (Aho–Corasick), with ASCII
/// letters matched regardless of case, white space normalised and word boundaries marked (see
/// `presence(in:)`).
///
/// A lint asks the same question of every pattern, "could it match here?"; answering it for all
/// the pack's required literals at once costs one walk over the text instead of one PCRE2 scan
/// per pattern.
public struct LiteralSetScanner: Sendable {
    /// The literals, lower-case; a literal's index is its id in `LiteralPresence`.
    public let literals: [String]
    /// States of the automaton (a measure of its size: each has a row of the transition table).
    public var stateCount: Int { transitions.count / columns }
    /// How many literals a scan locates.
    public var locatedCount: Int { locatedIDs.count }
    /// Byte → column of the transition table; bytes in no literal share column 0.
    private let columnOfByte: [Int32]
    private let columns: Int
    /// The complete automaton: `transitions[state * columns + column]` is the next state.
    private let transitions: [Int32]
    /// The literals that end at each state, its suffixes' included.
    private let matchesAtState: [[Int32]]
    /// For each state, its number among the states at which some literal ends, times two, plus 1
    /// when a located literal ends there; -1 at other states. A scan records those states in a
    /// bitset of that size, not one flag per state, so a short text costs little however large the
    /// automaton.
    private let matchCodeOfState: [Int32]
    /// The states at which some literal ends, by match number.
    private let matchStates: [Int32]
    /// The located literals ending at each match number, as `locatedIDs[locatedFrom[n]..<locatedFrom[n + 1]]`,
    /// with their lengths in symbols alongside.
    private let locatedFrom: [Int32]
    private let locatedIDs: [Int32]
    private let locatedLengths: [Int32]

    /// A scanner for `literals`; `located` names (by index) those whose start offsets `scan`
    /// reports as well as their presence.
    public init(literals: [String], locating located: Set<Int> = []) {
        let folded = literals.map { Array($0.utf8).map(Self.folded) }
        self.literals = folded.map { String(decoding: $0, as: UTF8.self) }

        var columnOfByte = [Int32](repeating: 0, count: 256)
        var columns = 1
        for byte in Set(folded.joined()).sorted() {
            columnOfByte[Int(byte)] = Int32(columns)
            columns += 1
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            columnOfByte[Int(upper)] = columnOfByte[Int(upper + 32)]
        }

        // The trie; -1 marks a missing edge until the breadth-first pass fills it.
        var transitions = [Int32](repeating: -1, count: columns)
        var matches: [[Int32]] = [[]]
        for (id, literal) in folded.enumerated() where !literal.isEmpty {
            var state = 0
            for byte in literal {
                let slot = state * columns + Int(columnOfByte[Int(byte)])
                if transitions[slot] < 0 {
                    transitions[slot] = Int32(matches.count)
                    transitions += [Int32](repeating: -1, count: columns)
                    matches.append([])
                }
                state = Int(transitions[slot])
            }
            matches[state].append(Int32(id))
        }

        // Failure links, folded into the table so that scanning never follows them.
        var failure = [Int32](repeating: 0, count: matches.count)
        var queue: [Int] = []
        for column in 0..<columns {
            let next = transitions[column]
            if next < 0 {
                transitions[column] = 0
            } else {
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            matches[state] += matches[Int(failure[state])]
            for column in 0..<columns {
                let slot = state * columns + column
                let next = transitions[slot]
                let fallback = transitions[Int(failure[state]) * columns + column]
                if next < 0 {
                    transitions[slot] = fallback
                } else {
                    failure[Int(next)] = fallback
                    queue.append(Int(next))
                }
            }
        }
        self.columnOfByte = columnOfByte
        self.columns = columns
        self.transitions = transitions
        self.matchesAtState = matches
        let matchStates = matches.indices.filter { !matches[$0].isEmpty }
        self.matchStates = matchStates.map { Int32($0) }
        var locatedFrom: [Int32] = [0]
        var locatedIDs: [Int32] = []
        var matchCodeOfState = [Int32](repeating: -1, count: matches.count)
        for (number, state) in matchStates.enumerated() {
            let locatedHere = matches[state].filter { located.contains(Int($0)) }
            locatedIDs += locatedHere
            locatedFrom.append(Int32(locatedIDs.count))
            matchCodeOfState[state] = Int32(number << 1 | (locatedHere.isEmpty ? 0 : 1))
        }
        self.matchCodeOfState = matchCodeOfState
        self.locatedFrom = locatedFrom
        self.locatedIDs = locatedIDs
        self.locatedLengths = locatedIDs.map { Int32(folded[Int($0)].count) }
    }

    /// The literals that occur in `bytes`, read as a stream of symbols: ASCII letters folded to
    /// lower case, every run of white space (PCRE2's `\s`, `\h` and `\v`, Unicode included) as one
    /// space, every other non-ASCII character as one symbol no literal holds, and a boundary symbol
    /// (0x01) at both ends and wherever a word character meets a non-word one or a non-ASCII one.
    /// `RequiredLiterals` writes its literals in the same alphabet, so a `\b` or a `\s+` in a pattern
    /// becomes part of the literal instead of breaking it.
    public func presence(in bytes: [UInt8]) -> LiteralPresence { scan(bytes).presence }

    /// Which literals occur in `bytes` (read as `presence(in:)` reads it), and where each
    /// occurrence of a located literal begins: the byte offset of its first symbol other than a
    /// boundary (a boundary takes no room; it sits at the offset of the symbol after it). A
    /// white-space run begins at its first character, a non-ASCII character at its lead byte.
    /// Texts of 1 GiB or more are not placed (`starts` is nil).
    public func scan(_ bytes: [UInt8]) -> LiteralScan {
        var met = [UInt64](repeating: 0, count: (matchStates.count + 63) / 64)
        var starts: [LiteralStart] = []
        let columns = self.columns
        // Every byte gives at most one symbol and one boundary before it, plus a boundary at each
        // end. Offsets are kept in 32 bits, so a text of 1 GiB or more places nothing.
        let locating = !locatedIDs.isEmpty && bytes.count < 1 << 30
        let capacity = locating ? 2 * bytes.count + 2 : 0
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * capacity) { scratch in
            // The byte offset of every symbol fed, and for every visit of a state where a located
            // literal ends, its match number and how many symbols had been fed: resolved into
            // starts after the pass, so that the pass itself only writes to memory it owns.
            let offsets = UnsafeMutableBufferPointer(rebasing: scratch[0..<capacity])
            let hits = UnsafeMutableBufferPointer(rebasing: scratch[capacity...])
            var hitCount = 0
            columnOfByte.withUnsafeBufferPointer { columnOfByte in
                transitions.withUnsafeBufferPointer { transitions in
                    matchCodeOfState.withUnsafeBufferPointer { matchCodeOfState in
                        met.withUnsafeMutableBufferPointer { met in
                            bytes.withUnsafeBufferPointer { bytes in
                                var state = 0
                                var fed = 0
                                @inline(__always) func feed(_ symbol: UInt8, at offset: Int) {
                                    if locating { offsets[fed] = Int32(truncatingIfNeeded: offset) }
                                    fed += 1
                                    state = Int(transitions[state * columns + Int(columnOfByte[Int(symbol)])])
                                    let code = Int(matchCodeOfState[state])
                                    guard code >= 0 else { return }
                                    let number = code >> 1
                                    met[number >> 6] |= 1 << UInt64(number & 63)
                                    guard locating, code & 1 != 0 else { return }
                                    hits[2 * hitCount] = Int32(truncatingIfNeeded: number)
                                    hits[2 * hitCount + 1] = Int32(truncatingIfNeeded: fed)
                                    hitCount += 1
                                }
                                feed(Self.boundary, at: 0)
                                var previous = SymbolKind.start
                                var index = 0
                                let count = bytes.count
                                while index < count {
                                    let offset = index
                                    let byte = bytes[index]
                                    let kind: SymbolKind
                                    let symbol: UInt8
                                    if byte < 0x80 {
                                        index += 1
                                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                                            kind = .space
                                            symbol = Self.space
                                        } else {
                                            symbol = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                                            kind = Self.isWordByte(symbol) ? .word : .nonWord
                                        }
                                    } else {
                                        let length = Self.sequenceLength(byte)
                                        let isSpace = Self.isUnicodeSpace(bytes, at: index, length: length)
                                        index += length
                                        kind = isSpace ? .space : .other
                                        symbol = isSpace ? Self.space : Self.other
                                    }
                                    if kind == .space, previous == .space { continue }
                                    if previous != .start,
                                        kind == .other || previous == .other || (kind == .word) != (previous == .word)
                                    {
                                        feed(Self.boundary, at: offset)
                                    }
                                    feed(symbol, at: offset)
                                    previous = kind
                                }
                                feed(Self.boundary, at: count)
                            }
                        }
                    }
                }
            }
            // A located literal of n symbols ending after symbol `fed` began at symbol `fed - n`.
            starts.reserveCapacity(hitCount)
            for hit in 0..<hitCount {
                let number = Int(hits[2 * hit]), fed = Int(hits[2 * hit + 1])
                for located in Int(locatedFrom[number])..<Int(locatedFrom[number + 1]) {
                    let begin = Int(offsets[fed - Int(locatedLengths[located])])
                    starts.append(LiteralStart(literal: Int(locatedIDs[located]), offset: begin))
                }
            }
        }
        var presence = LiteralPresence(count: literals.count)
        for (word, bits) in met.enumerated() where bits != 0 {
            var remaining = bits
            while remaining != 0 {
                let number = word << 6 | remaining.trailingZeroBitCount
                remaining &= remaining - 1
                for id in matchesAtState[Int(matchStates[number])] { presence.insert(Int(id)) }
            }
        }
        return LiteralScan(presence: presence, starts: locating || locatedIDs.isEmpty ? starts : nil)
    }

    private enum SymbolKind { case start, word, nonWord, space, other }

    // The alphabet texts are read in, and `RequiredLiterals` writes its literals in.
    /// Where a word character meets a non-word one (or a non-ASCII one), and at both ends.
    static let boundary: UInt8 = 0x01
    /// Any run of white space.
    static let space: UInt8 = 0x20
    /// Any non-ASCII character that is not white space.
    static let other: UInt8 = 0x02

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// U+0085, U+00A0, U+1680, U+180E, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: every
    /// character PCRE2's `\s`, `\h` or `\v` matches outside ASCII.
    static func isUnicodeSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        guard index + length <= bytes.count else { return false }
        switch length {
        case 2:
            return bytes[index] == 0xC2 && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0)
        case 3:
            let (b0, b1, b2) = (bytes[index], bytes[index + 1], bytes[index + 2])
            switch (b0, b1) {
            case (0xE1, 0x9A): return b2 == 0x80
            case (0xE1, 0xA0): return b2 == 0x8E
            case (0xE2, 0x80): return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF
            case (0xE2, 0x81): return b2 == 0x9F
            case (0xE3, 0x80): return b2 == 0x80
            default: return false
            }
        default:
            return false
        }
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

/// Which literals of a `LiteralSetScanner` a text holds, by id.
public struct LiteralPresence: Sendable, Hashable {
    private var words: [UInt64]

    public init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    /// A presence in which every literal occurs: what a text that must be searched anyway reports.
    public static func all(count: Int) -> LiteralPresence {
        var presence = LiteralPresence(count: count)
        for index in presence.words.indices { presence.words[index] = .max }
        return presence
    }

    public mutating func insert(_ id: Int) { words[id >> 6] |= 1 << UInt64(id & 63) }

    public func contains(_ id: Int) -> Bool { words[id >> 6] & (1 << UInt64(id & 63)) != 0 }
}
