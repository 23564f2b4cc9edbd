import Foundation
import PCRE2
import TestSupport
import Testing

@Suite struct RequiredLiteralsTests {
    /// The clauses, with the scanner's boundary symbol shown as `⟨b⟩`.
    private func clauses(_ pattern: String, caseless: Bool = true) -> [[String]] {
        RequiredLiterals(pattern: pattern, options: caseless ? [.utf, .ucp, .caseless] : .unicode).clauses.map { clause in
            clause.map { $0.replacingOccurrences(of: "\u{1}", with: "⟨b⟩") }
        }
    }

    @Test func plainWordIsOneClause() {
        #expect(clauses("review") == [["review"]])
        #expect(clauses("Review", caseless: false) == [["review"]])
    }

    @Test func sequencesKeepEveryRequiredPart() {
        // \b and \s+ are part of the literal: the scanner marks boundaries and reads any white-space
        // run as one space. Literals are cut to their first 14 symbols.
        #expect(
            clauses(#"\b(?:leave|write)\s+a\s+review\b"#) == [["⟨b⟩leave⟨b⟩ ⟨b⟩a⟨b⟩ ⟨b⟩r", "⟨b⟩write⟨b⟩ ⟨b⟩a⟨b⟩ ⟨b⟩r"]])
        #expect(clauses(#"\bgift\s+card\b"#) == [["⟨b⟩gift⟨b⟩ ⟨b⟩card⟨b⟩"]])
    }

    @Test func optionalCharactersMultiplyIntoAlternatives() {
        #expect(clauses("colou?r") == [["color", "colour"]])
        #expect(clauses("[Hh]ello") == [["hello"]])
        #expect(clauses("gr[ae]y") == [["gray", "grey"]])
    }

    @Test func failingBranchesNeedNothing() {
        // The (*SKIP)(*F) branch never yields a match, so only the real branch's literal counts.
        #expect(clauses("order\\s+\\d+(*SKIP)(*F)|phone") == [["phone"]])
        #expect(clauses("(*FAIL)") == [])
    }

    @Test func positiveLookaroundsAreRequiredNegativeOnesAreNot() {
        #expect(clauses("(?=.*refund)review") == [["refund"], ["review"]])
        #expect(clauses("(?<=my )review") == [["my⟨b⟩ "], ["review"]])
        #expect(clauses("(?!refund)review") == [["review"]])
        #expect(clauses("(?<!no )review") == [["review"]])
    }

    @Test func alternativesUniteTheirBestClauses() {
        #expect(clauses("cat|dog") == [["cat", "dog"]])
        #expect(clauses(#"\d+ off|discount"#) == [[" ⟨b⟩off", "discount"]])
        // One branch that needs nothing makes the whole alternation need nothing.
        #expect(clauses(#"cat|\d+"#) == [])
        #expect(clauses("a|b?") == [])
    }

    @Test func unknownPiecesBreakLiteralsApart() {
        #expect(clauses(#"www\.\w+\.com"#) == [[".⟨b⟩com"], ["www⟨b⟩."]])
        #expect(clauses(#"\d+"#) == [])
        #expect(clauses("[^a]bc") == [["bc"]])
        #expect(clauses("(a)\\1x") == [["a"], ["x"]])
        // Latin letters outside ASCII are one "other letter" symbol (shown here as ⟨o⟩).
        #expect(clauses("caf\u{E9}").map { $0.map { $0.replacingOccurrences(of: "\u{2}", with: "⟨o⟩") } } == [["caf⟨b⟩⟨o⟩"]])
        #expect(clauses("en\\s+[\u{E9}e]change") == [["en⟨b⟩ ⟨b⟩\u{2}⟨b⟩change", "en⟨b⟩ ⟨b⟩echange"]])
        // Any other non-ASCII character is that symbol too, and non-ASCII white space a space.
        #expect(clauses("[\u{2605}\u{2B50}]{3,10}") == [["\u{2}"]])
        #expect(clauses("a\u{A0}b") == [["a⟨b⟩ ⟨b⟩b"]])
        // A range from a non-ASCII character is unknown (it may hold letters and spaces alike).
        #expect(clauses("x[\u{A0}-\u{2000}]y") == [["x"], ["y"]])
        // ſ and K (KELVIN SIGN) fold to ASCII letters: they stay unknown.
        #expect(clauses("ab\u{17F}cd") == [["ab"], ["cd"]])
        #expect(clauses("ab\u{212A}cd") == [["ab"], ["cd"]])
    }

    @Test func quantifiersFromOneKeepTheirLiteralFromZeroDropIt() {
        #expect(clauses("(?:ab)+c") == [["ab"], ["c"]])
        #expect(clauses("x{2,3}y") == [["x"], ["y"]])
        #expect(clauses("(?:ab)*c") == [["c"]])
        #expect(clauses("x{0}y") == [["y"]])
        #expect(clauses("x{,3}y") == [["y"]])
        // A brace that is no quantifier is a literal.
        #expect(clauses("a{b}") == [["a⟨b⟩{⟨b⟩b⟨b⟩}"]])
    }

    @Test func escapesThatAreCharactersBecomeLiterals() {
        #expect(clauses(#"\Qa.b*\E"#) == [["a⟨b⟩.⟨b⟩b⟨b⟩*"]])
        // A quantifier after \E repeats the last character only: "xay" matches.
        #expect(clauses(#"x\Qab\E?y"#) == [["xaby", "xay"]])
        #expect(clauses(#"\x41\x{42}c"#) == [["abc"]])
        #expect(clauses(#"a\.b"#) == [["a⟨b⟩.⟨b⟩b"]])
        #expect(clauses(#"\p{L}x"#) == [["x"]])
        #expect(clauses(#"\N{U+41}x"#) == [["x"]])
    }

    @Test func definitionsAndCommentsMatchNothing() {
        #expect(clauses("(?(DEFINE)(?<w>foo))bar(?&w)") == [["bar"]])
        #expect(clauses("(?#a comment (not a group)abc") == [["abc"]])
        #expect(clauses("(?i)abc(?-i)def") == [["abcdef"]])
    }

    @Test func unreadablePatternsGetNoClauses() {
        #expect(clauses("abc(*ACCEPT)def") == [])
        #expect(clauses("(?x) a b c") == [])
        #expect(RequiredLiterals(pattern: "abc", options: CompileOptions(rawValue: 0x80)).clauses == [])
        #expect(clauses("(?C1)abc") == [])
        // Even where the analysis only skims: with an x next, this matches without "foo".
        #expect(clauses("(?(?=x)(*ACCEPT)|y)foo") == [])
        #expect(clauses("(?!a(?C1)b)foo") == [])
        #expect(clauses("abc(") == [])
        #expect(clauses("[\\Q]\\E]abc") == [])
    }

    @Test func hugeGroupsAreSkimmedNotAnalysed() {
        let words = (0..<600).map { "word\($0)" }.joined(separator: "|")
        #expect(clauses("at (?:\(words)) now") == [[" ⟨b⟩now"], ["at⟨b⟩ "]])
    }

    @Test func whiteSpaceQuantifiersStayInTheLiteral() {
        #expect(clauses(#"gift\s*card"#) == [["gift⟨b⟩ ⟨b⟩card", "giftcard"]])
        #expect(clauses("a[ \t]+b") == [["a⟨b⟩ ⟨b⟩b"]])
        #expect(clauses(#"\bfor\s+free\b"#) == [["⟨b⟩for⟨b⟩ ⟨b⟩free⟨b⟩"]])
        // A lone \b needs nothing.
        #expect(clauses(#"\b\d+\b"#) == [])
    }

    @Test func textsWithKelvinSignOrLongSNeedAFullSearch() {
        #expect(RequiredLiterals.textNeedsFullSearch(Array("\u{212A}ey".utf8)))
        #expect(RequiredLiterals.textNeedsFullSearch(Array("pa\u{17F}\u{17F}".utf8)))
        #expect(!RequiredLiterals.textNeedsFullSearch(Array("caf\u{E9} \u{20AC}5".utf8)))
    }
}

@Suite struct LiteralSetScannerTests {
    @Test func findsOverlappingLiteralsInOnePass() {
        let scanner = LiteralSetScanner(literals: ["he", "she", "his", "hers"])
        let presence = scanner.presence(in: Array("USHERS".utf8))
        #expect((0..<4).map(presence.contains) == [true, true, false, true])
    }

    @Test func literalsAtTheEndsAndAcrossNonASCII() {
        let scanner = LiteralSetScanner(literals: ["ab", "é", "x"])
        // Non-ASCII characters are one symbol no literal holds (the analysis never emits them).
        #expect((0..<3).map(scanner.presence(in: Array("abé".utf8)).contains) == [true, false, false])
        #expect((0..<3).map(scanner.presence(in: Array("zzx".utf8)).contains) == [false, false, true])
        #expect((0..<3).map(scanner.presence(in: []).contains) == [false, false, false])
    }

    @Test func readsWhiteSpaceRunsAsOneSpaceAndMarksBoundaries() {
        let forFree = "\u{1}for\u{1} \u{1}free\u{1}"
        let scanner = LiteralSetScanner(literals: [forFree, "\u{1}change", "a\u{1} \u{1}b"])
        func found(_ text: String) -> [Bool] { (0..<3).map(scanner.presence(in: Array(text.utf8)).contains) }
        #expect(found("it is FOR \t\n FREE!") == [true, false, false])
        #expect(found("for\u{A0}free") == [true, false, false])
        #expect(found("for\u{3000}\u{2009}free") == [true, false, false])
        #expect(found("forfree, exchange") == [false, false, false])
        #expect(found("change") == [false, true, false])
        #expect(found("é change") == [false, true, false])
        #expect(found("a  b") == [false, false, true])
    }

    @Test func noLiteralsFindsNothing() {
        let scanner = LiteralSetScanner(literals: [])
        _ = scanner.presence(in: Array("anything".utf8))
        #expect(scanner.literals.isEmpty)
    }
}

/// Soundness against PCRE2 itself: on random patterns and texts, whenever PCRE2 finds a match the
/// text must hold every clause, or the prefilter would have skipped a real finding.
@Suite struct RequiredLiteralsSoundnessTests {
    struct PatternGenerator {
        var random: SeededGenerator

        mutating func pick(_ choices: [String]) -> String { choices.randomElement(using: &random) ?? "" }

        mutating func alternation(depth: Int) -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                Int.random(in: 0..<8, using: &random) == 0 ? sequence(depth: depth) + "(*SKIP)(*F)" : sequence(depth: depth)
            }.joined(separator: "|")
        }

        mutating func sequence(depth: Int) -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in atom(depth: depth) + quantifier() }.joined()
        }

        mutating func quantifier() -> String {
            pick(["", "", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "*+", "{,2}"])
        }

        mutating func atom(depth: Int) -> String {
            let leaves = [
                "a", "b", "c", "A", "B", "k", "s", "\\.", "-", " ", "[ab]", "[^a]", "[a-c]", "[A-Z]", "[.]", "\\d", "\\w",
                "\\s", ".", "\\b", "\\Qa.\\E", "\\x61", "(?i)", "(?-i)", "(*SKIP)", "\\K", "é", "\\1",
                "\\s+", "\\s*", "\\h", "\\v", "\\R", "[ \\t]", "\\B", "\\b", " ", " ", "\\n", "\\t", "[\\s.]", "É", "[éa]",
                "[à-ü]", "ſ", "\u{2605}", "[\u{2605}\u{2B50}]", "\u{A0}", "[\u{A0}-\u{2000}]", "[é\u{2009}]",
            ]
            guard depth > 0, Int.random(in: 0..<3, using: &random) == 0 else { return pick(leaves) }
            let inner = alternation(depth: depth - 1)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return "(?=\(inner))"
            case 1: return "(?!\(inner))"
            case 2: return "(?<=" + pick(["a", "ab|c", "[ab]", "\\.", "b"]) + ")"
            case 3: return "(?<!" + pick(["a", "b"]) + ")"
            case 4: return "(\(inner))"
            default: return "(?:\(inner))"
            }
        }

        mutating func text() -> String {
            let alphabet = Array("aabbccABCks. -1xéÉ  \t\n\r\u{A0}\u{2003}\u{3000}\u{85}’_ſ\u{2605}ü\u{2009}")
            return String((0..<Int.random(in: 0...14, using: &random)).map { _ in alphabet.randomElement(using: &self.random) ?? "a" })
        }
    }

    @Test(arguments: 0..<8)
    func everyMatchHoldsEveryClause(seed: UInt64) throws {
        var generator = PatternGenerator(random: SeededGenerator(seed: 0xC0FFEE &+ seed))
        var checkedMatches = 0
        var filteredPatterns = 0
        for _ in 0..<600 {
            let source = generator.alternation(depth: 2)
            let caseless = Bool.random(using: &generator.random)
            guard let regex = try? PCRE2Regex(source, options: caseless ? [.utf, .ucp, .caseless] : .unicode, jit: false)
            else { continue }
            let clauses = regex.requiredLiterals.clauses
            if !clauses.isEmpty { filteredPatterns += 1 }
            let literals = Array(regex.requiredLiterals.literals)
            let scanner = LiteralSetScanner(literals: literals)
            for _ in 0..<30 {
                let text = UTF8Text(generator.text())
                guard try regex.firstMatch(in: text) != nil else { continue }
                // As the prefilter does: such texts are searched in full, whatever their literals.
                if RequiredLiterals.textNeedsFullSearch(text.bytes) { continue }
                checkedMatches += 1
                let presence = scanner.presence(in: text.bytes)
                let holds = clauses.allSatisfy { clause in
                    clause.contains { literal in literals.firstIndex(of: literal).map(presence.contains) ?? false }
                }
                #expect(holds, "pattern \(source) (caseless: \(caseless)) matches \"\(text.string)\" but needs \(clauses)")
            }
        }
        // The generator must exercise both sides: patterns with clauses, and texts they match.
        #expect(filteredPatterns > 50)
        #expect(checkedMatches > 500)
    }
}
