import Foundation
import PCRE2
import TestSupport
import Testing

@testable import MessageLint

/// The compiled rule pack must lint exactly as the YAML it came from, and any file that is not a
/// whole, intact pack for this build must read as "no pack", never as other rules or a crash.
@Suite struct RulePackCacheTests {
    static func stored(_ rules: [Rule]) throws -> (RulePackCache, URL) {
        let folder = try Fixtures.temporaryDirectory()
        let cache = RulePackCache(url: folder.appendingPathComponent("pack.pack"))
        try cache.store(rules)
        return (cache, folder)
    }

    @Test func aStoredPackLintsEveryTextAsTheYAMLDoes() throws {
        let rules = try Fixtures.shippedRules()
        let (cache, folder) = try Self.stored(rules)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(cache.holdsIntactPack)
        let loaded = try #require(cache.load(jit: false))

        #expect(loaded.map(\.id) == rules.map(\.id))
        for (original, copy) in zip(rules, loaded) {
            #expect(original.category == copy.category && original.severity == copy.severity && original.confidence == copy.confidence)
            #expect(original.message == copy.message && original.policy == copy.policy && original.suggestion == copy.suggestion)
            #expect(original.check == copy.check && original.fields == copy.fields && original.location == copy.location)
            #expect(original.messageTypes == copy.messageTypes && original.exceptMessageTypes == copy.exceptMessageTypes)
            for (a, b) in [(original.patterns, copy.patterns), (original.exceptions, copy.exceptions), (original.skips, copy.skips)] {
                #expect(a.map(\.pattern) == b.map(\.pattern) && a.map(\.options) == b.map(\.options), "\(original.id)")
            }
            #expect(copy.examples.isEmpty, "a pack leaves the examples in the YAML")
        }

        // Both ways the linter is used: the interpreter without the prefilter (a short draft) and JIT
        // with the prefilter (much text).
        let drafts = try PatternPrefilterTests.drafts()
        let yaml = try Linter(rules: rules, prefilter: false)
        let pack = try Linter(rules: loaded, prefilter: false)
        let jitPack = try Linter(rules: try #require(cache.load(jit: true)))
        var differing: [String] = []
        for draft in drafts {
            let expected = yaml.lint(draft)
            if pack.lint(draft) != expected || jitPack.lint(draft) != expected { differing.append(String(draft.body.prefix(80))) }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(drafts.count) drafts differ, e.g. \(differing.prefix(3))")
    }

    @Test func rulesSharingACompiledPatternStillShareIt() throws {
        let skip = try PCRE2Regex(#"\bexample\.com\b"#)
        func rule(_ id: String, _ pattern: String) throws -> Rule {
            var rule = Rule(
                id: id, category: .externalLink, severity: .error, message: "m", policy: "p", patterns: [try PCRE2Regex(pattern)])
            rule.skips = [skip]
            return rule
        }
        let first = try rule("test.a", "a+")
        let second = try rule("test.b", "b+")
        let (cache, folder) = try Self.stored([first, second])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try #require(cache.load(jit: false))
        #expect(loaded.count == 2)
        #expect(loaded[0].skips.first === loaded[1].skips.first)
        #expect(loaded[0].patterns.first !== loaded[1].patterns.first)
    }

    @Test func anythingButAnIntactPackReadsAsNoPack() throws {
        let rules = try Fixtures.shippedRules()
        let (cache, folder) = try Self.stored(rules)
        defer { try? FileManager.default.removeItem(at: folder) }
        let intact = try [UInt8](Data(contentsOf: cache.url))
        let header = Array("PARLEY RULE PACK\n".utf8).count + 4 + 8 + 8

        func readsAsNoPack(_ bytes: [UInt8], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            try Data(bytes).write(to: cache.url)
            #expect(cache.load(jit: false)?.count == nil, "\(what)", sourceLocation: sourceLocation)
            if bytes.count != intact.count || what.hasPrefix("a changed byte") {
                #expect(!cache.holdsIntactPack, "\(what)", sourceLocation: sourceLocation)
            }
        }
        try readsAsNoPack([], "an empty file")
        for length in [1, 16, header - 1, header, header + 3, intact.count / 2, intact.count - 1] {
            try readsAsNoPack(Array(intact.prefix(length)), "the first \(length) bytes")
        }
        try readsAsNoPack(intact + [0], "a byte too many")
        // Changed bytes spread over the header, the JSON and the compiled patterns.
        for step in 0..<48 {
            var flipped = intact
            let index = step < 8 ? step * 5 : (step * 104_729) % intact.count
            flipped[index] ^= UInt8(step % 255 + 1)
            try readsAsNoPack(flipped, "a changed byte at \(index)")
        }
        // Intact as far as the checksum goes, wrong inside: PCRE2's own header, then the JSON. (A
        // resealed change inside compiled code cannot be seen: the checksum is what guards it.)
        let jsonLength = Int(intact[header]) | Int(intact[header + 1]) << 8 | Int(intact[header + 2]) << 16
        try readsAsNoPack(
            Self.resealed(intact, header: header) { body in body[4 + jsonLength] ^= 0x01 }, "resealed PCRE2 magic")
        try readsAsNoPack(Self.resealed(intact, header: header) { body in body[4] = UInt8(ascii: "[") }, "resealed JSON")
        try FileManager.default.removeItem(at: cache.url)
        #expect(cache.load(jit: false)?.count == nil, "no file")
    }

    @Test func storingReplacesThePackAndLeavesNoTemporaryFile() throws {
        let rules = try Fixtures.shippedRules()
        let (cache, folder) = try Self.stored(Array(rules.prefix(3)))
        defer { try? FileManager.default.removeItem(at: folder) }
        try cache.store(rules)
        #expect(cache.load(jit: false)?.count == rules.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pack.pack"])
    }

    /// `bytes` with its body changed by `change` and the length and checksum recomputed, as a
    /// well-formed pack of wrong content would be.
    static func resealed(_ bytes: [UInt8], header: Int, _ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var body = Array(bytes[header...])
        change(&body)
        var fnv = FNV1a64()
        fnv.add(body)
        let hash = fnv.value
        var file = Array(bytes[..<(header - 16)])
        withUnsafeBytes(of: UInt64(body.count).littleEndian) { file += $0 }
        withUnsafeBytes(of: hash.littleEndian) { file += $0 }
        return file + body
    }
}
