import Foundation
import GRDB
import MailImport
import MessageStore

/// Where the store benchmarks find their input and keep their stores, all overridable by
/// environment variables so a run can point at other data:
///
/// - `PARLEY_BENCH_JSONL`: the export to import (default `/tmp/parley-1m.jsonl`, written by
///   `python3 Benchmarks/generate_jsonl.py`);
/// - `PARLEY_BENCH_STORE`: the store that metrics and inbox read (default
///   `/tmp/parley-bench-store.sqlite`). It is built from the export, untimed, the first time it is
///   needed, and rebuilt when the export changes (size and modification time are kept beside it);
/// - `PARLEY_BENCH_AS_OF`: the instant metrics and inbox are computed at (default
///   `2026-11-25T00:00:00Z`, the generator's default `--end`, so the 7/30/90-day windows are full).
enum StorePaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var jsonl: String { value("PARLEY_BENCH_JSONL") ?? "/tmp/parley-1m.jsonl" }
    static var store: String { value("PARLEY_BENCH_STORE") ?? "/tmp/parley-bench-store.sqlite" }

    static var asOf: Date {
        get throws {
            let text = value("PARLEY_BENCH_AS_OF") ?? "2026-11-25T00:00:00Z"
            guard let date = MailDate.parseISO8601(text)?.date else {
                throw StoreBenchmarkError("PARLEY_BENCH_AS_OF is '\(text)', expected ISO 8601 with an offset or Z")
            }
            return date
        }
    }

    private static func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}

struct StoreBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Opens a store as `parley` does (`AppDatabase.onDisk`). For experiments,
/// `PARLEY_BENCH_CACHE_MB=N` opens the same pool with `PRAGMA cache_size = -N×1024` on every
/// connection (SQLite's default page cache is 2 MB), without changing Sources/.
enum StoreOpening {
    static var cacheMegabytes: Int? { ProcessInfo.processInfo.environment["PARLEY_BENCH_CACHE_MB"].flatMap(Int.init) }

    static func open(path: String) throws -> AppDatabase {
        guard let megabytes = cacheMegabytes else { return try AppDatabase.onDisk(path: path) }
        var configuration = AppDatabase.makeConfiguration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(megabytes * 1024)") }
        return try AppDatabase(DatabasePool(path: path, configuration: configuration))
    }
}

/// One store file and its WAL/SHM/lock companions, removed together.
struct StoreFile {
    let path: String

    /// A path in the temporary folder that does not exist yet.
    static func fresh() -> StoreFile {
        StoreFile(path: NSTemporaryDirectory() + "parley-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
    }

    func remove() {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Bytes on disk, the WAL included.
    var bytes: Int {
        ["", "-wal"].compactMap { (try? FileManager.default.attributesOfItem(atPath: path + $0))?[.size] as? Int }.reduce(0, +)
    }
}

/// What `parley import FILE` does, minus the progress line and the report: read the whole file into
/// a `ParsedFile` with `ImportReader.forEach` (the CLI collects every event before writing), then
/// `AppDatabase.importFile`, one transaction for the file. The two phases are timed separately.
struct ImportRun {
    var summary: ImportSummary
    /// Zero when streamed: reading then overlaps storing.
    var parseSeconds: Double
    var storeSeconds: Double
    var messagesRead: Int
    var streamed: Bool

    /// `PARLEY_BENCH_IMPORT=phases` reads the whole file, then stores it (the import before
    /// `store-speed-2`, timed per phase); otherwise the file is streamed as `parley import` does.
    static var streamedByDefault: Bool { ProcessInfo.processInfo.environment["PARLEY_BENCH_IMPORT"] != "phases" }

    static func run(jsonl path: String, into store: AppDatabase, streamed: Bool = streamedByDefault, afterParse: () -> Void = {})
        throws -> ImportRun
    {
        let reader = try ImportReader()
        let clock = ContinuousClock()
        if streamed {
            let start = clock.now
            let result = try store.importFile(path: path, reader: reader, strict: false)
            let seconds = Seconds.of(start.duration(to: clock.now))
            afterParse()
            return ImportRun(
                summary: result.summary, parseSeconds: 0, storeSeconds: seconds, messagesRead: result.summary.messagesRead, streamed: true)
        }
        var parsed = ParsedFile()
        let parseStart = clock.now
        try reader.forEach(path: path, format: .auto) { parsed.record($0) }
        let parseSeconds = Seconds.of(parseStart.duration(to: clock.now))
        afterParse()
        let count = parsed.messages.count
        let storeStart = clock.now
        let summary = try store.importFile(parsed, source: path, strict: false)
        let storeSeconds = Seconds.of(storeStart.duration(to: clock.now))
        return ImportRun(summary: summary, parseSeconds: parseSeconds, storeSeconds: storeSeconds, messagesRead: count, streamed: false)
    }
}

enum InputFile {
    /// Fails with the command that writes the file when it is missing.
    static func require(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreBenchmarkError("\(path) does not exist: run `python3 Benchmarks/generate_jsonl.py \(path)` first")
        }
    }

    /// Size and modification time, to tell whether a cached store was built from this file.
    static func stamp(_ path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = attributes[.size] as? Int ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(path) \(size) \(modified)"
    }
}

/// The store metrics and inbox are measured on: the export imported once (untimed) into
/// `PARLEY_BENCH_STORE`, reused while the export is unchanged.
enum ImportedStore {
    static func open() throws -> AppDatabase {
        let jsonl = StorePaths.jsonl
        try InputFile.require(jsonl)
        let file = StoreFile(path: StorePaths.store)
        let stampPath = file.path + ".source"
        let stamp = try InputFile.stamp(jsonl)
        if FileManager.default.fileExists(atPath: file.path),
            (try? String(contentsOfFile: stampPath, encoding: .utf8)) == stamp
        {
            return try StoreOpening.open(path: file.path)
        }
        file.remove()
        try? FileManager.default.removeItem(atPath: stampPath)
        FileHandle.standardError.write(Data("StoreBenchmarks: importing \(jsonl) into \(file.path) (untimed, once) ...\n".utf8))
        let store = try StoreOpening.open(path: file.path)
        let run = try ImportRun.run(jsonl: jsonl, into: store)
        FileHandle.standardError.write(
            Data(String(format: "StoreBenchmarks: %d messages, %d threads in %.1f s\n", run.summary.messagesAdded,
                        run.summary.threadsCreated, run.parseSeconds + run.storeSeconds).utf8))
        try stamp.write(toFile: stampPath, atomically: true, encoding: .utf8)
        return store
    }

    /// Messages and threads in a store.
    static func counts(_ store: AppDatabase) throws -> (messages: Int, threads: Int) {
        try store.reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message") ?? 0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM thread") ?? 0)
        }
    }
}

enum Seconds {
    static func of(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The process's own resource use (getrusage): peak resident set and CPU time.
enum ProcessStats {
    /// Peak resident set size so far, in bytes.
    private static var usage: rusage {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }

    static var maxResidentBytes: Int {
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    }

    /// Current resident set size in bytes, from /proc/self/statm (0 elsewhere).
    static var residentBytes: Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// User + system CPU seconds of the whole process.
    static var cpuSeconds: Double {
        let usage = self.usage
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
