import Foundation
import MessageLint

/// The shipped rule pack and the labelled corpus, read from the checkout this file was compiled in:
/// the package root is two folders up from `Benchmarks/LintBenchmarks/`. Nothing here is cached on
/// disk, so a rerun always measures the rules and drafts as they are now.
///
/// `PARLEY_BENCH_RULES_DIR` and `PARLEY_BENCH_CORPUS_DIR` point at other folders instead
/// (`collect_figures.sh` measures a frozen copy so that one run sees one version of the pack).
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Benchmarks/LintBenchmarks
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()  // package root
    static let rules = folder("PARLEY_BENCH_RULES_DIR") ?? root.appendingPathComponent("rules", isDirectory: true)
    static let corpus = folder("PARLEY_BENCH_CORPUS_DIR") ?? root.appendingPathComponent("corpus", isDirectory: true)

    private static func folder(_ variable: String) -> URL? {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}

struct BenchmarkFixtureError: Error, CustomStringConvertible {
    var description: String
}

/// Everything the lint benchmarks share, loaded once per process.
struct Fixtures: Sendable {
    /// The shipped rules, loaded without running their examples (a pack that is being written may
    /// have an example that does not behave yet; patterns are still compiled and checked).
    let rules: [Rule]
    let cases: [CorpusCase]
    let drafts: [Draft]
    /// The full pack with no configuration, as `parley lint` builds it.
    let linter: Linter
    /// UTF-8 bytes of the text the linter scans in the whole corpus: subjects, bodies and
    /// attachment names of every draft.
    let corpusBytes: Int

    /// `jit: false` builds the pack as `parley lint` does for a short input (the PCRE2 interpreter;
    /// JIT-compiling the whole pack costs more than interpreting a few KB).
    static func load(jit: Bool = true) throws -> Fixtures {
        let rules: [Rule]
        do {
            rules = try RuleLoader(verifyExamples: false, jit: jit).load(directory: PackagePaths.rules)
        } catch {
            throw BenchmarkFixtureError(description: "cannot load \(PackagePaths.rules.path): \(error)")
        }
        let cases: [CorpusCase]
        do {
            cases = try CorpusLoader().load(directory: PackagePaths.corpus)
        } catch {
            throw BenchmarkFixtureError(description: "cannot load \(PackagePaths.corpus.path): \(error)")
        }
        let drafts = cases.map(\.draft)
        let linter = try Linter(rules: rules)
        return Fixtures(rules: rules, cases: cases, drafts: drafts, linter: linter, corpusBytes: drafts.map(scannedBytes).reduce(0, +))
    }

    /// The bytes of a draft the linter scans (every field a rule may look at).
    static func scannedBytes(of draft: Draft) -> Int {
        Field.allCases.map { draft.text(of: $0).utf8.count }.reduce(0, +)
    }

    /// A reply of exactly `length` Unicode code points (Parley's unit for message length), made by
    /// joining corpus bodies in corpus order with a blank line between them and cutting at `length`.
    /// `clean` picks the drafts labelled `expect: []`; otherwise the drafts that must raise something.
    func realisticDraft(codePoints length: Int = 4_000, clean: Bool) throws -> Draft {
        let bodies = cases.filter { $0.expected.isEmpty == clean }.map(\.draft.body)
        var scalars = String.UnicodeScalarView()
        for body in bodies {
            if !scalars.isEmpty { scalars.append(contentsOf: "\n".unicodeScalars) }
            scalars.append(contentsOf: body.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
            scalars.append(contentsOf: "\n".unicodeScalars)
            if scalars.count >= length { break }
        }
        guard scalars.count >= length else {
            throw BenchmarkFixtureError(description: "the corpus has only \(scalars.count) code points of \(clean ? "clean" : "flagged") bodies; \(length) needed")
        }
        let body = String(String.UnicodeScalarView(scalars.prefix(length)))
        precondition(body.unicodeScalars.count == length)
        return Draft(body: body, messageType: .reply)
    }
}

/// Wall-clock and thread-CPU timing for the tool modes (the benchmark harness does its own timing).
enum Stopwatch {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// CPU time consumed by the calling thread, in seconds (nanosecond resolution on Linux).
    static func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Times `body` repeatedly: one untimed warm-up call, then calls until `minimumSeconds` of wall
    /// clock have passed and at least `minimumRuns` calls were made.
    static func sample(minimumSeconds: Double, minimumRuns: Int = 5, _ body: () -> Void) -> Summary {
        body()
        let clock = ContinuousClock()
        var wall: [Double] = [], cpu: [Double] = []
        var total = 0.0
        while total < minimumSeconds || wall.count < minimumRuns {
            let cpuStart = threadCPUTime()
            let elapsed = seconds(clock.measure(body))
            cpu.append(threadCPUTime() - cpuStart)
            wall.append(elapsed)
            total += elapsed
        }
        return Summary(samples: wall, cpu: cpu)
    }
}

/// Summary statistics of wall-clock durations (and the matching thread CPU times).
struct Summary {
    let samples: [Double]
    var cpu: [Double] = []
    var sorted: [Double] { samples.sorted() }
    var mean: Double { samples.reduce(0, +) / Double(samples.count) }
    var cpuMean: Double { cpu.isEmpty ? 0 : cpu.reduce(0, +) / Double(cpu.count) }
    var median: Double { percentile(50) }
    var minimum: Double { sorted.first ?? 0 }

    func percentile(_ p: Double) -> Double {
        let sorted = self.sorted
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
