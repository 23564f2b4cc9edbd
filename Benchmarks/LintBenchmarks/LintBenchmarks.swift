// Lint benchmarks (STYLE.md §4.8). Run from the package root:
//
//   ENABLE_PARLEY_BENCHMARKS=1 swift package --allow-writing-to-package-directory benchmark --target LintBenchmarks
//
// Benchmarks/README.md explains the suite, the tool modes (PARLEY_BENCH_MODE) and the figures.

import Benchmark
import Foundation
import MessageLint

/// Corpus throughput in bytes/s (shown in K, i.e. kB/s), measured by the benchmark itself around
/// its timed loop, so the figure is read straight from the table (larger is better; not scaled).
let corpusBytesPerSecond = BenchmarkMetric.custom("Corpus bytes/s", polarity: .prefersLarger, useScalingFactor: false)

/// Wall clock, throughput and allocations. No retain/release counts (the MallocInterposer trait
/// leaves the runtime interposer out, STYLE.md §4.8), no `instructions` (needs perf events most
/// containers lack), no CPU time (Linux reports it in 10 ms ticks, too coarse for a lint).
let lintMetrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]

let benchmarks: @Sendable () -> Void = {
    // `PARLEY_BENCH_MODE=summary|rule-costs|patterns` turns this executable into a plain tool
    // (README "Tool modes"); the benchmark plugin never sets it.
    if let mode = ProcessInfo.processInfo.environment["PARLEY_BENCH_MODE"], !mode.isEmpty {
        exit(ToolModes.run(mode))
    }

    Benchmark.defaultConfiguration.metrics = lintMetrics
    Benchmark.defaultConfiguration.maxDuration = .seconds(2)
    Benchmark.defaultConfiguration.maxIterations = 100_000

    // (a) The whole corpus, every draft with its own message type, the full shipped pack.
    Benchmark(
        "lint corpus (all drafts, shipped rules)",
        configuration: .init(
            metrics: lintMetrics + [corpusBytesPerSecond], timeUnits: .milliseconds,
            units: [corpusBytesPerSecond: .kilo], maxDuration: .seconds(5))
    ) { (benchmark: Benchmark, fixtures: Fixtures) in
        let clock = ContinuousClock()
        let start = clock.now
        for _ in benchmark.scaledIterations {
            for draft in fixtures.drafts { blackHole(fixtures.linter.lint(draft)) }
        }
        let seconds = Stopwatch.seconds(start.duration(to: clock.now))
        let bytes = Double(fixtures.corpusBytes * benchmark.scaledIterations.count)
        benchmark.measurement(corpusBytesPerSecond, Int(bytes / seconds))
    } setup: {
        try Fixtures.load()
    }

    // (b) One reply of exactly 4,000 code points (the reply limit), full pack. The clean variant is
    // the common case and the one held to the 1 ms target; the flagged one adds finding construction;
    // the interpreted one is how a one-shot `parley lint` runs it (no JIT below 64 KB of text).
    for (name, clean, jit) in [("clean corpus bodies", true, true), ("flagged corpus bodies", false, true),
                               ("clean corpus bodies, interpreter", true, false)] {
        Benchmark(
            "lint 4000-char draft (\(name))",
            configuration: .init(timeUnits: .microseconds)
        ) { (benchmark: Benchmark, setup: (linter: Linter, draft: Draft)) in
            let (linter, draft) = setup
            for _ in benchmark.scaledIterations { blackHole(linter.lint(draft)) }
        } setup: {
            let fixtures = try Fixtures.load(jit: jit)
            return (fixtures.linter, try fixtures.realisticDraft(codePoints: 4_000, clean: clean))
        }
    }

    // (c) Rule loading: YAML, vocabularies, PCRE2 compile (+ JIT), with and without running every
    // rule's examples. `parley lint` of a short draft verifies examples and skips JIT.
    for (name, verify, jit) in [("examples verified, JIT", true, true), ("examples not verified, JIT", false, true),
                                ("examples verified, no JIT: parley lint", true, false)] {
        Benchmark(
            "load rules (\(name))",
            configuration: .init(timeUnits: .milliseconds, maxDuration: .seconds(3))
        ) { (benchmark: Benchmark, directory: URL) throws in
            for _ in benchmark.scaledIterations {
                blackHole(try RuleLoader(verifyExamples: verify, jit: jit).load(directory: directory))
            }
        } setup: {
            PackagePaths.rules
        }
    }

    // (d) Each rule alone over the whole corpus (the linter skips drafts of message types the rule
    // does not apply to). `PARLEY_BENCH_MODE=rule-costs` prints the same costs as shares of the total.
    let rules: [Rule]
    do {
        rules = try RuleLoader(verifyExamples: false).load(directory: PackagePaths.rules)
    } catch {
        FileHandle.standardError.write(Data("LintBenchmarks: per-rule benchmarks not registered: \(error)\n".utf8))
        rules = []
    }
    for rule in rules.sorted(by: { $0.id < $1.id }) {
        Benchmark(
            "rule \(rule.id) (corpus)",
            configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds,
                                 warmupIterations: 1, maxDuration: .seconds(1))
        ) { (benchmark: Benchmark, setup: (linter: Linter, drafts: [Draft])) in
            let (linter, drafts) = setup
            for _ in benchmark.scaledIterations {
                for draft in drafts { blackHole(linter.lint(draft)) }
            }
        } setup: {
            (try Linter(rules: [rule]), try CorpusLoader().load(directory: PackagePaths.corpus).map(\.draft))
        }
    }
}
