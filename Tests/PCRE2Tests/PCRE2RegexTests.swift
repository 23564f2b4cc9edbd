import PCRE2
import Testing

@Suite struct PCRE2RegexTests {
    @Test func findsAllNonOverlappingMatchesAsByteRanges() throws {
        let regex = try PCRE2Regex("a+")
        #expect(try regex.matches(in: UTF8Text("caaab aa a")) == [1..<4, 6..<8, 9..<10])
    }

    @Test func compileErrorCarriesPCRE2MessageAndOffset() {
        #expect(throws: PCRE2Error.compile(message: "missing closing parenthesis", offset: 4)) {
            _ = try PCRE2Regex("(abc")
        }
    }

    @Test func isJITCompiled() throws {
        #expect(try PCRE2Regex("\\bhttps?://\\S+").isJITCompiled)
    }

    @Test func unicodeOffsetsLinesAndColumns() throws {
        let text = UTF8Text("héllo 👨‍👩‍👧\nnaïve mail@x.de")
        let regex = try PCRE2Regex("mail@\\S+")
        let span = try #require(try regex.matches(in: text).first)
        let position = text.position(ofByte: span.lowerBound)
        // "héllo " 6 code points + family emoji 5 code points + "\n" = 12; "naïve " = 6 more.
        #expect(position == TextPosition(line: 2, column: 7, codePointOffset: 18))
        #expect(text.codePointCount(of: span) == 9)
        #expect(text.substring(span) == "mail@x.de")
    }

    @Test func crlfLinesReportLikeLF() throws {
        let text = UTF8Text("first\r\nsecond line\r\nthird x")
        let span = try #require(try PCRE2Regex("x").matches(in: text).first)
        #expect(text.position(ofByte: span.lowerBound) == TextPosition(line: 3, column: 7, codePointOffset: 26))
        #expect(text.line(2) == "second line")
    }

    @Test func emojiAreSingleCodePointsWithUCP() throws {
        let text = UTF8Text("ok 🎉 done")
        let spans = try PCRE2Regex("\\p{Extended_Pictographic}").matches(in: text)
        #expect(spans.map { text.position(ofByte: $0.lowerBound).codePointOffset } == [3])
        #expect(spans.map { text.codePointCount(of: $0) } == [1])
    }

    @Test func ucpMakesWordBoundariesUnicodeAware() throws {
        let text = UTF8Text("Größe über")
        #expect(try PCRE2Regex("\\bÜber\\b", options: [.utf, .ucp, .caseless]).matches(in: text).count == 1)
        #expect(try PCRE2Regex("\\w+").matches(in: text).map(text.substring) == ["Größe", "über"])
    }

    @Test func emptyInputAndEmptyMatchesAdvanceByCodePoints() throws {
        #expect(try PCRE2Regex("x").matches(in: UTF8Text("")).isEmpty)
        let text = UTF8Text("é😀")
        // An empty pattern matches before each code point and at the end: never inside a character.
        #expect(try PCRE2Regex("").matches(in: text) == [0..<0, 2..<2, 6..<6])
        #expect(try PCRE2Regex("x*").matches(in: UTF8Text("axx")) == [0..<0, 1..<3, 3..<3])
    }

    @Test func backslashKStartsTheSpanLater() throws {
        let text = UTF8Text("please call 0161 496 0123 today")
        let spans = try PCRE2Regex("\\bcall\\s+\\K[\\d ]{6,}\\d").matches(in: text)
        #expect(spans.map(text.substring) == ["0161 496 0123"])
    }

    @Test func catastrophicPatternStopsAtTheMatchLimit() throws {
        let regex = try PCRE2Regex("^(a+)+$")
        let text = UTF8Text(String(repeating: "a", count: 40) + "b")
        #expect {
            _ = try regex.matches(in: text, limits: MatchLimits(matchLimit: 10_000))
        } throws: { error in
            guard case PCRE2Error.limitExceeded = error as? PCRE2Error ?? .match(code: 0, message: "") else { return false }
            return true
        }
    }

    @Test func wholeSpanMatchingIsAnchoredAtBothEnds() throws {
        let amazon = try PCRE2Regex("(?:www\\.)?amazon\\.com", options: [.utf, .ucp, .caseless])
        #expect(try amazon.matchesWhole("www.Amazon.com"))
        #expect(try !amazon.matchesWhole("notamazon.com"))
        #expect(try !amazon.matchesWhole("amazon.com.evil.io"))
    }

    @Test func concurrentMatchingSharesOneCompiledPattern() async throws {
        let regex = try PCRE2Regex("\\d{3}-\\d{7}-\\d{7}")
        let text = UTF8Text(String(repeating: "order 123-1234567-1234567 and ", count: 200))
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try regex.matches(in: text).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 8))
    }
}
