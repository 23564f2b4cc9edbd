import Foundation
import MessageLint

/// Remembers that a rule pack passed its own examples, so a one-shot `parley lint` does not run
/// every rule's examples again (about half of its start-up). The stamp's name combines the pack's
/// fingerprint with the executable's size and modification time, so editing a rule or rebuilding
/// Parley verifies again. Stamps live in `$XDG_CACHE_HOME/parley/verified-rules/` (else
/// `~/.cache/parley/…`); when that folder cannot be written, every run simply verifies.
struct ExampleVerificationStamp {
    let url: URL?

    init(rules directory: URL, environment: [String: String], executable: URL?) {
        guard let fingerprint = try? RulePackFingerprint(directory: directory),
            let cache = Self.cacheDirectory(environment: environment)
        else {
            url = nil
            return
        }
        var build = "unknown"
        if let executable, let attributes = try? FileManager.default.attributesOfItem(atPath: executable.resolvingSymlinksInPath().path) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            build = "\(size)-\(Int64(modified * 1000))"
        }
        url = cache.appendingPathComponent("\(fingerprint)-\(build)")
    }

    var isPresent: Bool { url.map { FileManager.default.fileExists(atPath: $0.path) } ?? false }

    func record() {
        guard let url else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data())
    }

    private static func cacheDirectory(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("parley/verified-rules")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/parley/verified-rules")
    }
}
