/// Finds which of many literal strings occur in a text, in one pass (Aho–Corasick), with ASCII
/// letters matched regardless of case.
///
/// A lint asks the same question of every pattern, "could it match here?"; answering it for all
/// the pack's required literals at once costs one walk over the text instead of one PCRE2 scan
/// per pattern.
public struct LiteralSetScanner: Sendable {
    /// The literals, lower-case; a literal's index is its id in `LiteralPresence`.
    public let literals: [String]
    /// Byte → column of the transition table; bytes in no literal share column 0.
    private let columnOfByte: [Int32]
    private let columns: Int
    /// The complete automaton: `transitions[state * columns + column]` is the next state.
    private let transitions: [Int32]
    /// The literals that end at each state, its suffixes' included.
    private let matchesAtState: [[Int32]]

    public init(literals: [String]) {
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
    }

    /// The literals that occur in `bytes`.
    public func presence(in bytes: [UInt8]) -> LiteralPresence {
        var visited = [Bool](repeating: false, count: matchesAtState.count)
        columnOfByte.withUnsafeBufferPointer { columnOfByte in
            transitions.withUnsafeBufferPointer { transitions in
                visited.withUnsafeMutableBufferPointer { visited in
                    var state = 0
                    for byte in bytes {
                        state = Int(transitions[state * columns + Int(columnOfByte[Int(byte)])])
                        visited[state] = true
                    }
                }
            }
        }
        var presence = LiteralPresence(count: literals.count)
        for (state, wasVisited) in visited.enumerated() where wasVisited {
            for id in matchesAtState[state] { presence.insert(Int(id)) }
        }
        return presence
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
