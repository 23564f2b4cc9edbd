import Foundation
import TestSupport
import Testing

/// `parley lint` stores the compiled rule pack after a full load and reads it on the next run: the
/// output never depends on whether the pack was there, intact, or damaged.
@Suite struct RulePackCacheProcessTests {
    let executable = ExecutableTests()

    func packs(in cache: URL) throws -> [String] {
        let folder = cache.appendingPathComponent("parley/rule-packs")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pack") }.sorted()
    }

    @Test func lintStoresThePackReadsItAndRecoversFromADamagedOne() throws {
        let cache = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["XDG_CACHE_HOME": cache.path, "NO_COLOR": "1"]
        let draft = "Thanks! Email me at jane.doe@gmail.com or visit shop-example.com for 20% off your next order."

        let first = try executable.run(["lint", "--format", "json", "-"], stdin: draft, environment: environment)
        #expect(first.status == 1, "\(first.stderr)")
        let stored = try packs(in: cache)
        #expect(stored.count == 1)

        let second = try executable.run(["lint", "--format", "json", "-"], stdin: draft, environment: environment)
        #expect(second.status == first.status && second.stdout == first.stdout && second.stderr == first.stderr)

        // A damaged pack reads as no pack: the YAML is loaded, and a good pack is stored again.
        let pack = cache.appendingPathComponent("parley/rule-packs").appendingPathComponent(try #require(stored.first))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: pack.path)[.size] as? Int)
        try Data("PARLEY RULE PACK\n not really".utf8).write(to: pack)
        let third = try executable.run(["lint", "--format", "json", "-"], stdin: draft, environment: environment)
        #expect(third.status == first.status && third.stdout == first.stdout && third.stderr == first.stderr)
        #expect(try FileManager.default.attributesOfItem(atPath: pack.path)[.size] as? Int == size)

        // The pack leaves the examples out; explaining a rule still shows them.
        let explain = try executable.run(["rules", "explain", "contact-info.email-address"], environment: environment)
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("flags:") && explain.stdout.contains("passes:"))
    }

    @Test func storingAPackRemovesPacksUnusedForAMonth() throws {
        let cache = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let folder = cache.appendingPathComponent("parley/rule-packs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("0123-old.pack")
        let recent = folder.appendingPathComponent("4567-recent.pack")
        for url in [old, recent] { try Data("stale".utf8).write(to: url) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -40 * 86_400)], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3 * 86_400)], ofItemAtPath: recent.path)

        let run = try executable.run(["lint", "-"], stdin: "Your order has shipped.", environment: ["XDG_CACHE_HOME": cache.path])
        #expect(run.status == 0)
        let left = try packs(in: cache)
        #expect(left.count == 2 && left.contains("4567-recent.pack") && !left.contains("0123-old.pack"), "\(left)")
    }
}
