import Foundation
import MessageLint

/// Where a rule pack's compiled form (`RulePackCache`) lives for one rules folder and one build of
/// Parley: `$XDG_CACHE_HOME/parley/rule-packs/<fingerprint>-<size>-<mtime>.pack` (else under
/// `~/.cache/parley/`). The name combines the folder's content fingerprint with the executable's size
/// and modification time, so editing a rule or rebuilding Parley makes a new pack; a pack that
/// exists also means this exact pack passed its examples. When no cache folder can be named or
/// written, every run loads the YAML and verifies the examples.
struct RulePackCacheFile {
    let cache: RulePackCache?

    /// Packs not rewritten for this long are removed when another pack is stored.
    static let retention: TimeInterval = 30 * 86_400

    init(rules directory: URL, environment: [String: String], executable: URL?) {
        guard let fingerprint = try? RulePackFingerprint(directory: directory),
            let folder = Self.folder(environment: environment)
        else {
            cache = nil
            return
        }
        var build = "unknown"
        if let executable, let attributes = try? FileManager.default.attributesOfItem(atPath: executable.resolvingSymlinksInPath().path) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            build = "\(size)-\(Int64(modified * 1000))"
        }
        cache = RulePackCache(url: folder.appendingPathComponent("\(fingerprint)-\(build).pack"))
    }

    /// Stores `rules` (loaded and verified), then removes packs nobody has stored for a month. A
    /// cache that cannot be written only costs the next run its speed.
    func store(_ rules: [Rule], now: Date) {
        guard let cache else { return }
        try? cache.store(rules)
        let folder = cache.url.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".pack") && name != cache.url.lastPathComponent {
            let path = folder.appendingPathComponent(name).path
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, now.timeIntervalSince(modified) > Self.retention { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    private static func folder(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("parley/rule-packs")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/parley/rule-packs")
    }
}
