import Foundation
import PCRE2
import TestSupport
import Testing

@Suite struct StartLiteralsTests {
    /// The start literals, boundaries shown as `⟨b⟩` and non-ASCII characters as `⟨o⟩`; nil when none.
    private func starts(_ pattern: String, caseless: Bool = true, options: CompileOptions? = nil) -> [String]? {
        let options = options ?? (caseless ? [.utf, .ucp, .caseless] : .unicode)
        return StartLiterals(pattern: pattern, options: options)?.literals.map {
            $0.replacingOccurrences(of: "\u{1}", with: "⟨b⟩").replacingOccurrences(of: "\u{2}", with: "⟨o⟩")
        }
    }

    @Test func literalsMultiplyOutFromTheStart() {
        #expect(starts("review") == ["review"])
        #expect(starts("Review", caseless: false) == ["review"])
        #expect(starts("cat|dog") == ["cat", "dog"])
        #expect(starts("colou?r") == ["color", "colour"])
        #expect(starts(#"\bgift\s+card\b"#) == ["⟨b⟩gift⟨b⟩ ⟨b⟩card⟨b⟩"])
        #expect(starts(#"check(?:ing)?\s+out"#) == ["check⟨b⟩ ⟨b⟩out", "checking⟨b⟩ ⟨b⟩out"])
        // Cut to 14 symbols, as the required literals are.
        #expect(starts(#"(?:leave|write)\s+a\s+review"#) == ["leave⟨b⟩ ⟨b⟩a⟨b⟩ ⟨b⟩re", "write⟨b⟩ ⟨b⟩a⟨b⟩ ⟨b⟩re"])
        #expect(starts("(?:x|y)?z") == ["xz", "yz", "z"])
    }

    @Test func zeroWidthItemsAtTheStartAreSkipped() {
        #expect(starts(#"(?<!your\s|\bthe\s)\b(?:available|sold)\b"#) == ["⟨b⟩available⟨b⟩", "⟨b⟩sold⟨b⟩"])
        #expect(starts(#"(?i)^(?=f)\bfoo"#) == ["⟨b⟩foo"])
        #expect(starts("(?<=ab)foo") == ["foo"])
        #expect(starts(#"\Bfoo(?=.*x)"#) == ["foo"])
        #expect(starts("(*UCP)(?#note)foo") == ["foo"])
    }

    @Test func theFirstConsumingItemDecides() {
        // A repeated item from one: its own start; classes of a few characters; digits (any
        // script's, which the scanner reads as one non-ASCII symbol).
        #expect(starts("(?:ab)+c") == ["ab"])
        #expect(starts("x{2,3}y") == ["x"])
        #expect(starts(#"[+(]\d"#) == ["(", "+"].flatMap { sign in ["\(sign)⟨b⟩⟨o⟩"] + (0...9).map { "\(sign)⟨b⟩\($0)" } })
        #expect(starts("[+(]x") == ["(⟨b⟩x", "+⟨b⟩x"])
        #expect(starts(#"\Qab\E?c"#) == ["abc", "ac"])
        #expect(starts(#"\d{3}-\d{7}"#) == ["⟨o⟩"] + (0...9).map(String.init))
        #expect(starts(#"\$\d"#) == ["$⟨b⟩⟨o⟩"] + (0...9).map { "$⟨b⟩\($0)" })
        #expect(starts("caf\u{E9}") == ["caf⟨b⟩⟨o⟩"])
        #expect(starts("\u{E9}t\u{E9}") == ["⟨o⟩⟨b⟩t⟨b⟩⟨o⟩"])
        #expect(starts("[\u{A3}\u{20AC}$]") == ["⟨o⟩", "$"])
    }

    @Test func unknownOrEmptyStartsGiveNone() {
        #expect(starts(#"\d*x"#) == nil)
        #expect(starts(#"a?\w"#) == nil)
        #expect(starts(#"\w+@x"#) == nil)
        #expect(starts(".foo") == nil)
        #expect(starts("[^a]bc") == nil)
        #expect(starts(#"(a)\1"#) == ["a"])
        #expect(starts(#"\1?x(a)"#) == nil)
        // White space first: a match may begin inside a run the scanner reads as one symbol.
        #expect(starts(#"\sfoo"#) == nil)
        #expect(starts(#"\s+foo"#) == nil)
        // Nothing but a boundary, or a branch that matches the empty string.
        #expect(starts(#"foo|\b"#) == nil)
        #expect(starts("foo|") == nil)
        #expect(starts("(?:foo)?") == nil)
        #expect(starts("(?(?=a)ab|cd)") == nil)
    }

    @Test func largeGroupsStillGiveTheirStarts() {
        // Over 2,000 bytes a group is skimmed for the required literals (none), but up to 4,000
        // it is read for where a match begins. 350 words are too many starts; cut to their first
        // 6 symbols they are 100.
        let words = (0..<350).map { "word\($0)" }
        let group = words.joined(separator: "|")
        #expect(group.utf8.count > 2_000 && group.utf8.count < 4_000)
        let cut = Set(words.map { String($0.prefix(6)) }).sorted()
        #expect(cut.count == 100)
        #expect(starts("(?:\(group))") == cut)
        #expect(starts("(?:\\bz(?:\(group))|y)") == cut.map { "⟨b⟩z" + $0 } + ["y"])
        #expect(RequiredLiterals(pattern: "(?:\\bz(?:\(group))|y)", options: .unicode).clauses == [])
        // Cut shorter when needed: "0word" to "349word" begin 100 ways in 2 symbols ("0w", "10", …).
        #expect(starts("(?:" + (0..<350).map { "\($0)word" }.joined(separator: "|") + ")")?.count == 100)
        // A longer group (a vocabulary of 600 words) is not read at all.
        #expect(starts("(?:" + (0..<600).map { "word\($0)" }.joined(separator: "|") + ")") == nil)
    }

    @Test func constructsThatChangeTheSearchGiveNone() {
        for pattern in [
            "foo(*SKIP)(*F)|bar", "(*COMMIT)foo", "foo(*PRUNE)bar", "foo(*THEN)bar|baz", "foo(*MARK:m)", "foo(*:m)",
            "foo(*ACCEPT)bar", #"\Gfoo"#, #"foo\Cbar"#, "(?C1)foo", "(?x) f o o", "(*CRLF)foo", "(*ANYCRLF)foo", "(*NUL)foo",
            // Also where the analysis only skims: a negative lookahead, a conditional, a huge group.
            "(?!x(*COMMIT)y)foo", #"foo(?(?=a)\Gb|c)"#, "foo(?:" + String(repeating: "ab|", count: 700) + "(*SKIP)x)",
        ] {
            #expect(starts(pattern) == nil, "\(pattern)")
        }
        #expect(RequiredLiterals(pattern: "(?(?=x)(*ACCEPT)|y)foo", options: .unicode).clauses == [])
        #expect(starts("foo", options: [.utf, .ucp, .anchored]) == nil)
        #expect(starts("foo", options: [.utf, .ucp, .multiline, .dotAll]) == ["foo"])
    }

    @Test func backslashKNeedsSomethingAfterItOutsideGroups() {
        // The match is reported from \K on; tried where it begins, it is still PCRE2's match when
        // it cannot be empty.
        #expect(starts(#"\Kfoo"#) == ["foo"])
        #expect(starts(#"\bcall\s+\K\w+"#) == ["⟨b⟩call⟨b⟩ "])
        #expect(starts(#"foo\K"#) == nil)
        #expect(starts(#"foo\K\b"#) == nil)
        #expect(starts(#"foo\K(?:bar)?"#) == nil)
        #expect(starts(#"foo\K(?=bar)"#) == nil)
        #expect(starts(#"(?:foo\K)bar"#) == nil)
        #expect(starts(#"foo|(?:b\Kar)"#) == nil)
        #expect(starts(#"foo\Kbar|baz"#) == ["baz", "foobar"])
    }

    @Test func expensiveLookaroundsBeforeTheFirstLiteralGiveNone() {
        // Tried at every position by PCRE2's own search: only it would meet their limit errors.
        #expect(starts("(?=.*x)foo") == nil)
        #expect(starts("(?!a+b)foo") == nil)
        #expect(starts("(?=(?:a|b){3})foo") == nil)
        #expect(starts(#"(?<=(a))\1foo"#) == nil)
        #expect(starts("(?:(?=.*x)foo|bar)") == nil)
        // Bounded repetitions of single items are cheap; after the literal, anything goes.
        #expect(starts(#"(?<![\w.+-])(?=[\w.+-]{1,64}\s{0,3}@)ab"#) == ["ab"])
        #expect(starts("foo(?=.*x)") == ["foo"])
        #expect(starts("foo(?:(?=(?:a|b)+)c)") == ["fooc"])
    }

    @Test func patternsThatCanMatchEmptyGetNoneFromTheRegex() throws {
        #expect(try PCRE2Regex("x*").canMatchEmpty)
        #expect(try !PCRE2Regex("x+").canMatchEmpty)
        #expect(try PCRE2Regex("(?:foo)?").startLiterals == nil)
        #expect(try PCRE2Regex("foo|bar").startLiterals == StartLiterals(literals: ["bar", "foo"]))
    }
}

@Suite struct LiteralPositionTests {
    /// Where each occurrence of each literal begins, as (literal, byte offset), sorted.
    private func positions(_ literals: [String], in text: String) -> [[Int]] {
        let scanner = LiteralSetScanner(literals: literals, locating: Set(literals.indices))
        let starts = scanner.scan(Array(text.utf8)).starts ?? []
        return literals.indices.map { id in starts.filter { $0.literal == id }.map(\.offset).sorted() }
    }

    @Test func boundariesTakeNoRoom() {
        #expect(positions(["\u{1}foo", "foo\u{1}", "bar"], in: "foo bar") == [[0], [0], [4]])
        #expect(positions(["\u{1}foo\u{1}"], in: "xfoo foo") == [[5]])
        #expect(positions(["\u{1}-"], in: "a- -") == [[1]])
    }

    @Test func whiteSpaceRunsBeginAtTheirFirstCharacter() {
        #expect(positions(["\u{1}foo", "x\u{1} \u{1}f", " \u{1}f"], in: "x\r\n\r\nfoo") == [[5], [0], [1]])
        #expect(positions(["\u{1}bar", " \u{1}b"], in: "a\t \tbar") == [[4], [1]])
        // U+3000 and U+2009 (3 bytes each) are one run with the tab.
        #expect(positions(["a\u{1} \u{1}b", " \u{1}b"], in: "a\u{3000}\t\u{2009}b") == [[0], [1]])
        #expect(positions(["a\u{1} \u{1}b"], in: "a\u{A0}b") == [[0]])
    }

    @Test func multiByteCharactersAreOneSymbol() {
        // é is 2 bytes; the family emoji is 3 emoji and 2 joiners, 18 bytes and 5 symbols.
        #expect(positions(["\u{2}\u{1} \u{1}foo", "\u{1}foo"], in: "é foo") == [[0], [3]])
        #expect(positions(["\u{1}foo", "\u{2}\u{1}\u{2}"], in: "👨‍👩‍👧 foo") == [[19], [0, 4, 7, 11]])
        #expect(positions(["caf\u{1}\u{2}"], in: "Le CAFÉ") == [[3]])
    }

    @Test func overlappingAndLongLiterals() {
        #expect(positions(["aa", "aaa"], in: "aaaa") == [[0, 1, 2], [0, 1]])
        let long = "abcdefghijklmnopqrst"
        #expect(positions([long, "st"], in: "xx" + long.uppercased() + "yy") == [[2], [20]])
        #expect(positions(["x"], in: "") == [[]])
    }

    @Test func unlocatedLiteralsAreOnlyPresent() {
        let scanner = LiteralSetScanner(literals: ["foo", "bar"], locating: [1])
        let scan = scanner.scan(Array("foo bar".utf8))
        #expect(scan.presence.contains(0) && scan.presence.contains(1))
        #expect(scan.starts == [LiteralStart(literal: 1, offset: 4)])
    }
}

@Suite struct AnchoredMatchingTests {
    /// Every offset at which one of the pattern's start literals begins in `text`.
    static func candidates(of regex: PCRE2Regex, in text: UTF8Text) -> [Int]? {
        guard let literals = regex.startLiterals?.literals else { return nil }
        let scanner = LiteralSetScanner(literals: literals, locating: Set(literals.indices))
        return Array(Set((scanner.scan(text.bytes).starts ?? []).map(\.offset))).sorted()
    }

    @Test(arguments: [true, false])
    func lookbehindsSeeTheTextBeforeTheCandidate(jit: Bool) throws {
        let regex = try PCRE2Regex(#"(?<=\bmy )review"#, options: [.utf, .ucp, .caseless], jit: jit)
        let text = UTF8Text("my review, your review, MY REVIEW")
        let candidates = try #require(Self.candidates(of: regex, in: text))
        #expect(candidates == [3, 16, 27])
        #expect(try regex.matches(in: text, startingAt: candidates) == [3..<9, 27..<33])
        #expect(try regex.matches(in: text) == [3..<9, 27..<33])
        #expect(try regex.firstMatch(in: text, startingAt: candidates) == 3..<9)
    }

    @Test(arguments: [true, false])
    func candidatesInsideAMatchAreNotTried(jit: Bool) throws {
        let regex = try PCRE2Regex("aba", jit: jit)
        let text = UTF8Text("ababa aba")
        #expect(try regex.matches(in: text, startingAt: [0, 2, 6]) == [0..<3, 6..<9])
        #expect(try regex.matches(in: text) == [0..<3, 6..<9])
    }

    @Test func patternsWithoutStartLiteralsAreSearchedInFull() throws {
        let regex = try PCRE2Regex(#"\w+"#)
        #expect(regex.startLiterals == nil)
        #expect(try regex.matches(in: UTF8Text("ab cd"), startingAt: []) == [0..<2, 3..<5])
    }

    @Test(arguments: [true, false])
    func limitErrorsAreTheSame(jit: Bool) throws {
        // Each attempt at an "a" backtracks a lot; PCRE2 counts its limit per start position.
        let regex = try PCRE2Regex("(?:a|aa)+c", jit: jit)
        let text = UTF8Text(String(repeating: "a", count: 30) + " c")
        let candidates = try #require(Self.candidates(of: regex, in: text))
        for limit: UInt32 in [50, 5_000, 1_000_000] {
            let limits = MatchLimits(matchLimit: limit)
            let full = Result { () throws(PCRE2Error) in try regex.matches(in: text, limits: limits) }
            let anchored = Result { () throws(PCRE2Error) in try regex.matches(in: text, startingAt: candidates, limits: limits) }
            #expect(full == anchored, "limit \(limit)")
        }
        let tight = Result { () throws(PCRE2Error) in try regex.matches(in: text, limits: MatchLimits(matchLimit: 50)) }
        guard case .failure(.limitExceeded(kind: .match, _)) = tight else {
            Issue.record("a limit of 50 should stop the search: \(tight)")
            return
        }
    }
}

/// The anchored search against PCRE2's own, on random patterns and texts: every match PCRE2 finds
/// must begin where a start literal begins, and matching only there must give the same matches
/// and the same limit errors, with and without JIT.
@Suite struct StartLiteralsSoundnessTests {
    struct Generator {
        var random: SeededGenerator
        var atoms: RequiredLiteralsSoundnessTests.PatternGenerator

        init(seed: UInt64) {
            random = .init(seed: 0x5EED_0000 &+ seed)
            atoms = .init(random: .init(seed: 0xA70_0000 &+ seed))
        }

        mutating func pick<Choice>(_ choices: [Choice]) -> Choice { choices[Int.random(in: 0..<choices.count, using: &random)] }

        mutating func pattern() -> String {
            // Mostly patterns built to have start literals; some from the prefilter's own generator.
            if Int.random(in: 0..<5, using: &random) == 0 { return atoms.alternation(depth: 2) }
            var pattern = (0..<pick([1, 1, 1, 2, 2, 3])).map { _ in branch() }.joined(separator: "|")
            if Int.random(in: 0..<6, using: &random) == 0 { pattern = "(?:\(pattern))" + pick(["+", "{1,2}", ""]) + tail() }
            return pattern
        }

        mutating func branch() -> String {
            let leading = [
                "", "", "", "", "", "\\b", "\\b", "\\B", "^", "(?m)^", "(?i)", "(?-i)", "(?<!a)", "(?<=\\s)", "(?<![\\w.])",
                "(?<=é)", "(?!b)", "(?=a|k)", "(?<!\\d[\\s.-])", "(?=.*c)", "(?!(?:a|b){2})",
            ]
            let first = [
                "a", "ab", "k", "K", "s", "S", "é", "É", "ſ", "\u{212A}", "\\.", "-", "\\+", "[+(]", "[ab]", "[éa]", "\\d",
                "[0-3]", "(?:ab|c)", "(?:a|bc)", "x", "(?:\\bab|k)", "ab?", "(?:é|e)", "\\x61", "\\Qa.\\E", "ca(?:ll)?",
                "\u{2605}", "🎉", "a\\s+b", "(?:a\\s?)", "(a)", "(?<n>b)", "(?>ab|a)", "(?i:k)", "(?-i:K)", "a\\K", "a\\s\\K",
                "\\Kc", "ab\\K\\b",
            ]
            return pick(leading) + pick(leading) + pick(first) + pick(["", "", "", "", "+", "{1,2}", "?", "*+", "++", "{2}"]) + tail()
        }

        mutating func tail() -> String {
            // Now and then a part that backtracks a lot, so that the match limit stops some searches.
            let costly =
                Int.random(in: 0..<4, using: &random) == 0 ? pick(["(?:a|aa)+c", "(?:\\w|a)+\\d", "(?:\\s|\\h)+x", "(?:a?a?)+b"]) : ""
            return (0..<Int.random(in: 0...3, using: &random)).map { _ in atoms.atom(depth: 1) + atoms.quantifier() }.joined() + costly
        }

        mutating func text() -> String {
            let alphabet = Array(
                "aaabbbckKsSxé É ſ\u{212A}İı  \t\r\n\u{A0}\u{2003}\u{3000}.-+(0123٣３_\u{2605}🎉’ab aab ca call")
            var text = String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
            if Int.random(in: 0..<4, using: &random) == 0 {
                text += String(repeating: pick(["a", "a ", "ab"]), count: Int.random(in: 8...30, using: &random))
            }
            return text
        }
    }

    @Test(arguments: 0..<8)
    func anchoredMatchesEqualTheFullSearch(seed: UInt64) throws {
        var generator = Generator(seed: seed)
        var anchoredPatterns = 0
        var comparedMatches = 0
        var comparedErrors = 0
        for _ in 0..<1_000 {
            let source = generator.pattern()
            let caseless = Bool.random(using: &generator.random)
            let options: CompileOptions = caseless ? [.utf, .ucp, .caseless] : .unicode
            guard let interpreted = try? PCRE2Regex(source, options: options, jit: false),
                let compiled = try? PCRE2Regex(source, options: options, jit: true)
            else { continue }
            guard let literals = interpreted.startLiterals?.literals else { continue }
            anchoredPatterns += 1
            let scanner = LiteralSetScanner(literals: literals, locating: Set(literals.indices))
            for _ in 0..<25 {
                let text = UTF8Text(generator.text())
                // As the prefilter does: such texts are searched in full.
                if RequiredLiterals.textNeedsFullSearch(text.bytes) { continue }
                let candidates = Array(Set((scanner.scan(text.bytes).starts ?? []).map(\.offset))).sorted()
                for regex in [interpreted, compiled] {
                    // A small limit, so that some searches stop and their errors are compared too.
                    let limits = MatchLimits(matchLimit: 150)
                    let full = Result { () throws(PCRE2Error) in try regex.matches(in: text, limits: limits) }
                    let anchored = Result { () throws(PCRE2Error) in
                        try regex.matches(in: text, startingAt: candidates, limits: limits)
                    }
                    #expect(
                        full == anchored,
                        "pattern \(source) (caseless: \(caseless), JIT: \(regex.isJITCompiled)) on \"\(text.string)\": \(full) vs \(anchored) at \(candidates)"
                    )
                    if case .success(let spans) = full {
                        comparedMatches += spans.count
                        // After \K a match is reported from later on; it was still tried at a candidate.
                        let missed = source.contains("\\K") ? [] : spans.filter { !candidates.contains($0.lowerBound) }
                        #expect(missed.isEmpty, "pattern \(source) on \"\(text.string)\": \(missed) start at no candidate \(candidates)")
                    } else {
                        comparedErrors += 1
                    }
                    let first = Result { () throws(PCRE2Error) in try regex.firstMatch(in: text, limits: limits) }
                    let anchoredFirst = Result { () throws(PCRE2Error) in
                        try regex.firstMatch(in: text, startingAt: candidates, limits: limits)
                    }
                    #expect(first == anchoredFirst, "pattern \(source) on \"\(text.string)\"")
                }
            }
        }
        // The generator must exercise the anchored path, with matches and with limit errors.
        #expect(anchoredPatterns > 200)
        #expect(comparedMatches > 1_500)
        #expect(comparedErrors > 0)
    }
}
