import Foundation
import MailImport
import MessageStore

/// Plain measurements printed as Markdown, for the README and for `/usr/bin/time -v` (one process
/// per phase, so its maximum resident set is that phase's). Selected with `PARLEY_BENCH_MODE` when
/// the executable is run directly (`.build-bench/release/StoreBenchmarks`); the harness never uses it.
///
/// - `import`: the export (`PARLEY_BENCH_JSONL`) into a new store in the temporary folder, as
///   `parley import` does it: parse the whole file, then one `importFile` transaction. Prints the two
///   phases, CPU time, the peak resident set after each, the store's size; removes the store unless
///   `PARLEY_BENCH_KEEP_STORE=1`.
/// - `query`: `metrics(asOf:windows: [7, 30, 90])` and `inbox(asOf:)` on the cached imported store
///   (`PARLEY_BENCH_STORE`, built untimed if missing): one untimed warm-up call, then
///   `PARLEY_BENCH_RUNS` calls each (default 10 for metrics, 20 for the inbox).
/// - `all`: both, in one process.
enum StoreToolModes {
    static func run(_ mode: String) -> Int32 {
        do {
            switch mode {
            case "import": print(try importFigures())
            case "query": print(try queryFigures())
            case "all":
                print(try importFigures())
                print(try queryFigures())
            default:
                FileHandle.standardError.write(Data("PARLEY_BENCH_MODE must be import, query or all, not '\(mode)'\n".utf8))
                return 2
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("StoreBenchmarks: \(error)\n".utf8))
            return 1
        }
    }

    static func importFigures() throws -> String {
        let jsonl = StorePaths.jsonl
        try InputFile.require(jsonl)
        let inputBytes = (try FileManager.default.attributesOfItem(atPath: jsonl))[.size] as? Int ?? 0
        let file = StoreFile.fresh()
        let keep = ProcessInfo.processInfo.environment["PARLEY_BENCH_KEEP_STORE"] == "1"
        defer { if !keep { file.remove() } }

        let baseline = ProcessStats.maxResidentBytes
        let cpuStart = ProcessStats.cpuSeconds
        let clock = ContinuousClock()
        let start = clock.now
        let store = try StoreOpening.open(path: file.path)
        var afterParse = 0
        var cpuAfterParse = 0.0
        let run = try ImportRun.run(jsonl: jsonl, into: store) {
            afterParse = ProcessStats.maxResidentBytes
            cpuAfterParse = ProcessStats.cpuSeconds
        }
        let total = Seconds.of(start.duration(to: clock.now))
        let cpu = ProcessStats.cpuSeconds - cpuStart
        let peak = ProcessStats.maxResidentBytes
        let counts = try ImportedStore.counts(store)

        var out = "## Import (\(machine()))\n\n"
        out += "`\(jsonl)`: \(mb(inputBytes)) MB; \(grouped(run.messagesRead)) messages read, "
        out += "\(grouped(run.summary.messagesAdded)) added, \(grouped(run.summary.duplicates)) duplicates, "
        out += "\(grouped(run.summary.skipped)) skipped; \(grouped(run.summary.threadsCreated)) threads created, "
        out += "\(grouped(run.summary.returnRequestsOpened)) return requests; store holds \(grouped(counts.messages)) messages, "
        out += "\(grouped(counts.threads)) threads, \(mb(file.bytes)) MB on disk (with WAL)\(keep ? " at `\(file.path)`" : "").\n\n"
        if let megabytes = StoreOpening.cacheMegabytes { out += "Experiment: `PRAGMA cache_size` = \(megabytes) MB on every connection.\n\n" }
        out += "| phase | wall | CPU | peak RSS after |\n|---|---|---|---|\n"
        if run.streamed {
            out += "| read + parse overlapping store (`importFile(path:…)`, one transaction) | \(s(run.storeSeconds)) | \(s(cpu)) | \(mb(peak)) MB |\n"
        } else {
            out += "| read + parse (`ImportReader.forEach` into `ParsedFile`) | \(s(run.parseSeconds)) | \(s(cpuAfterParse - cpuStart)) | \(mb(afterParse)) MB |\n"
            out += "| store (`importFile`, one transaction) | \(s(run.storeSeconds)) | \(s(cpu - (cpuAfterParse - cpuStart))) | \(mb(peak)) MB |\n"
        }
        out += "| **total** (open + parse + store) | **\(s(total))** | \(s(cpu)) | **\(mb(peak)) MB** |\n"
        out += "\nPeak RSS before the import: \(mb(baseline)) MB. Throughput: \(grouped(Int(Double(run.messagesRead) / total))) messages/s.\n"
        return out
    }

    static func queryFigures() throws -> String {
        let store = try ImportedStore.open()
        let asOf = try StorePaths.asOf
        let counts = try ImportedStore.counts(store)
        let runs = ProcessInfo.processInfo.environment["PARLEY_BENCH_RUNS"].flatMap(Int.init)

        var report: MetricsReport?
        let metrics = sample(runs: runs ?? 10) { report = try store.metrics(asOf: asOf, windows: [7, 30, 90]) }
        var entries: [InboxEntry] = []
        let inbox = sample(runs: runs ?? 20) { entries = try store.inbox(asOf: asOf) }
        var page: InboxPage?
        let inboxPage = sample(runs: runs ?? 20) { page = try store.inbox(asOf: asOf, limit: 50) }
        if let error = metrics.error ?? inbox.error ?? inboxPage.error { throw error }

        var out = "## Metrics and inbox (\(machine()))\n\n"
        out += "Store `\(StorePaths.store)`: \(grouped(counts.messages)) messages, \(grouped(counts.threads)) threads; "
        out += "as of \(ISO8601DateFormatter().string(from: asOf)).\n\n"
        out += "| call | runs | mean | p50 | min | max | CPU mean |\n|---|---|---|---|---|---|---|\n"
        out += metrics.row("`metrics(asOf:windows: [7, 30, 90])`")
        out += inbox.row("`inbox(asOf:)`")
        out += inboxPage.row("`inbox(asOf:limit: 50)`")
        if let report {
            out += "\n| window | customer messages | within 24 h | late | no response | pending | excluded | late rate | status |\n"
            out += "|---|---|---|---|---|---|---|---|---|\n"
            for window in report.windows {
                let rate = window.lateResponseRate.map { String(format: "%.2f %%", $0 * 100) } ?? "–"
                out += "| \(window.days) days | \(grouped(window.customerMessages)) | \(grouped(window.within24h)) | \(grouped(window.late)) "
                out += "| \(grouped(window.noResponse)) | \(grouped(window.pending)) | \(grouped(window.excluded)) | \(rate) | \(window.status.rawValue) |\n"
            }
            out += "\nUnanswered in the last 7 days: \(grouped(report.unansweredLast7Days.count)). "
        }
        let overdue = entries.filter { $0.secondsLeft(asOf: asOf) < 0 }.count
        out += "Inbox: \(grouped(entries.count)) threads (\(grouped(overdue)) overdue, \(grouped(entries.count - overdue)) with time left).\n"
        if let page {
            out += "Inbox page: \(page.entries.count) of \(grouped(page.totalThreads)) threads, \(grouped(page.overdueThreads)) overdue; "
            out += "equal to the first 50 of the full inbox: \(page.entries == Array(entries.prefix(50))).\n"
        }
        out += "Peak RSS of this process: \(mb(ProcessStats.maxResidentBytes)) MB.\n"
        return out
    }

    // MARK: - Sampling

    struct Sample {
        var wall: [Double] = []
        var cpu: [Double] = []
        var error: (any Error)?

        func row(_ name: String) -> String {
            let sorted = wall.sorted()
            guard !sorted.isEmpty else { return "| \(name) | 0 | | | | | |\n" }
            let mean = wall.reduce(0, +) / Double(wall.count)
            let cpuMean = cpu.reduce(0, +) / Double(cpu.count)
            return "| \(name) | \(wall.count) | \(ms(mean)) | \(ms(sorted[sorted.count / 2])) | \(ms(sorted[0])) | \(ms(sorted[sorted.count - 1])) | \(ms(cpuMean)) |\n"
        }
    }

    /// One untimed warm-up call, then `runs` timed calls (wall clock and process CPU time).
    static func sample(runs: Int, _ body: () throws -> Void) -> Sample {
        var sample = Sample()
        do {
            try body()
            let clock = ContinuousClock()
            for _ in 0..<max(runs, 1) {
                let cpuStart = ProcessStats.cpuSeconds
                let start = clock.now
                try body()
                sample.wall.append(Seconds.of(start.duration(to: clock.now)))
                sample.cpu.append(ProcessStats.cpuSeconds - cpuStart)
            }
        } catch {
            sample.error = error
        }
        return sample
    }

    // MARK: - Formatting

    static func machine() -> String {
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        let date = ISO8601DateFormatter().string(from: Date())
        return "\(date), \(cpus) CPUs, load average \(load)"
    }

    static func s(_ seconds: Double) -> String { String(format: "%.1f s", seconds) }
    static func ms(_ seconds: Double) -> String { seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000) }
    static func mb(_ bytes: Int) -> String { grouped(Int((Double(bytes) / 1_048_576).rounded())) }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}
