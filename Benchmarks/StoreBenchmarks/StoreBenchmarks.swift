// Message-store benchmarks (issue 3, point 6). Run from the package root, after writing the data:
//
//   python3 Benchmarks/generate_jsonl.py            # 1,000,000 messages -> /tmp/parley-1m.jsonl
//   ENABLE_PARLEY_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark --target StoreBenchmarks
//
// Benchmarks/README.md ("Message store") explains the suite, the tool mode (PARLEY_BENCH_MODE) and
// the figures. Targets: import ≤ 60 s, metrics ≤ 1 s, inbox ≤ 50 ms on 2 cores.

import Benchmark
import Foundation
import MailImport
import MessageStore

/// Wall clock, CPU, and resident memory sampled while the benchmark runs (the peak includes what
/// the setup left in memory; the delta does not). No malloc counts: the import allocates millions.
let storeMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .peakMemoryResidentDelta]

let benchmarks: @Sendable () -> Void = {
    // `PARLEY_BENCH_MODE=import|query|all` turns this executable into a plain timer (README
    // "Message store"); the benchmark plugin never sets it.
    if let mode = ProcessInfo.processInfo.environment["PARLEY_BENCH_MODE"], !mode.isEmpty {
        exit(StoreToolModes.run(mode))
    }

    Benchmark.defaultConfiguration.metrics = storeMetrics
    Benchmark.defaultConfiguration.units = [.peakMemoryResident: .mega, .peakMemoryResidentDelta: .mega]

    // (a) `parley import FILE` in-process: the whole export read into memory by ImportReader, then
    // one `importFile` transaction into a new on-disk store. One import of 1M messages takes
    // tens of seconds, so one iteration and no warm-up.
    Benchmark(
        "import 1M JSONL (ImportReader + importFile, new on-disk store)",
        configuration: .init(
            timeUnits: .seconds, warmupIterations: 0, scalingFactor: .one, maxDuration: .seconds(900), maxIterations: 1)
    ) { (benchmark: Benchmark, jsonl: String) in
        let file = StoreFile.fresh()
        defer { file.remove() }
        benchmark.startMeasurement()
        let store = try StoreOpening.open(path: file.path)
        let run = try ImportRun.run(jsonl: jsonl, into: store)
        benchmark.stopMeasurement()
        blackHole(run.summary)
    } setup: {
        try InputFile.require(StorePaths.jsonl)
        return StorePaths.jsonl
    }

    // (b) Contact Response Time over 7/30/90 days, the unanswered list and the return windows, on
    // the imported store (built untimed by the setup the first time, then reused).
    Benchmark(
        "metrics asOf end windows [7,30,90] (1M store)",
        configuration: .init(timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 10)
    ) { (benchmark: Benchmark, setup: (store: AppDatabase, asOf: Date)) in
        for _ in benchmark.scaledIterations {
            blackHole(try setup.store.metrics(asOf: setup.asOf, windows: [7, 30, 90]))
        }
    } setup: {
        (try ImportedStore.open(), try StorePaths.asOf)
    }

    // (c) The inbox: every thread with a pending or overdue customer message, most urgent first.
    Benchmark(
        "inbox asOf end (1M store)",
        configuration: .init(timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 20)
    ) { (benchmark: Benchmark, setup: (store: AppDatabase, asOf: Date)) in
        for _ in benchmark.scaledIterations {
            blackHole(try setup.store.inbox(asOf: setup.asOf))
        }
    } setup: {
        (try ImportedStore.open(), try StorePaths.asOf)
    }

    // (d) What `parley inbox` shows by default: the 50 most urgent threads and the counts.
    Benchmark(
        "inbox asOf end, limit 50 (1M store)",
        configuration: .init(timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 50)
    ) { (benchmark: Benchmark, setup: (store: AppDatabase, asOf: Date)) in
        for _ in benchmark.scaledIterations {
            blackHole(try setup.store.inbox(asOf: setup.asOf, limit: 50))
        }
    } setup: {
        (try ImportedStore.open(), try StorePaths.asOf)
    }
}
