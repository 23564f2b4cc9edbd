import Benchmark
import Foundation
import MessageLint
import PCRE2

/// Plain measurements printed as Markdown or JSON, for the README table and for
/// `python_re_baseline.py`. Selected with `PARLEY_BENCH_MODE` when the benchmark executable is run
/// directly (e.g. `.build-bench/release/LintBenchmarks`); the harness itself never uses them.
///
/// - `summary`: corpus MB/s, the 4,000-character draft (mean, p50, p99), rule loading, and the
///   per-rule cost table.
/// - `rule-costs`: only the per-rule cost table (each rule alone over the corpus, with its share).
/// - `draft-costs`: each pattern alone over the 4,000-character clean draft, and whether the literal
///   prefilter lets it run there: where the time of that draft goes.
/// - `draft-loop`: lints that draft over and over for `PARLEY_BENCH_SECONDS`, for a profiler.
/// - `patterns`: reads `{"patterns": [{"pattern", "caseless", "ucp"?}], "texts": [...], "min_seconds", "first_only"?}`
///   from the file named by `PARLEY_BENCH_INPUT` (or standard input) and prints, as JSON, how long
///   Parley's PCRE2 wrapper takes to find every match of every pattern in every text.
///
/// `PARLEY_BENCH_SECONDS` scales how long each measurement runs (default 1; the per-rule costs use a
/// fifth of it per rule).
enum ToolModes {
    static func run(_ mode: String) -> Int32 {
        do {
            switch mode {
            case "summary":
                let fixtures = try Fixtures.load()
                print(try summary(fixtures))
                print(ruleCosts(fixtures))
            case "rule-costs":
                print(ruleCosts(try Fixtures.load()))
            case "patterns":
                print(try patterns())
            case "draft-costs":
                print(try draftCosts(try Fixtures.load()))
            case "draft-loop":
                // Lints the 4,000-character clean draft for PARLEY_BENCH_SECONDS: something to profile.
                let fixtures = try Fixtures.load()
                let draft = try fixtures.realisticDraft(clean: true)
                let end = ContinuousClock.now + .milliseconds(Int(secondsScale * 1000))
                var runs = 0
                while ContinuousClock.now < end {
                    blackHole(fixtures.linter.lint(draft))
                    runs += 1
                }
                print("\(runs) lints")
            default:
                FileHandle.standardError.write(Data("PARLEY_BENCH_MODE must be summary, rule-costs or patterns, not '\(mode)'\n".utf8))
                return 2
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("LintBenchmarks: \(error)\n".utf8))
            return 1
        }
    }

    static var secondsScale: Double {
        ProcessInfo.processInfo.environment["PARLEY_BENCH_SECONDS"].flatMap(Double.init) ?? 1
    }

    // MARK: summary

    static func summary(_ fixtures: Fixtures) throws -> String {
        let scale = secondsScale
        var out = "## Lint summary (\(fixtures.rules.count) rules, \(fixtures.drafts.count) drafts, \(fixtures.corpusBytes) bytes)\n\n"
        out += "Wall clock per call; `CPU` is the thread's CPU time (mean), which other processes on a shared machine inflate less.\n\n"
        out += "| measurement | mean | p50 | p99 | CPU | derived |\n|---|---|---|---|---|---|\n"

        let corpus = Stopwatch.sample(minimumSeconds: 2 * scale) {
            for draft in fixtures.drafts { blackHole(fixtures.linter.lint(draft)) }
        }
        out += row("lint corpus (all drafts)", corpus, unit: .milliseconds,
                   derived: String(format: "%.2f MB/s (%.2f MB/s by CPU time), %.1f µs/draft", Double(fixtures.corpusBytes) / corpus.mean / 1e6,
                                   Double(fixtures.corpusBytes) / corpus.cpuMean / 1e6, corpus.mean / Double(fixtures.drafts.count) * 1e6))

        let interpreted = try Fixtures.load(jit: false)
        // The same linter on one thread: what the draft costs in CPU, whatever the machine's cores.
        var oneThread = fixtures.linter
        oneThread.lanes = 1
        var noPrefilter = try Linter(rules: fixtures.rules, prefilter: false)
        noPrefilter.lanes = 1
        for (name, clean, linter) in [("clean bodies", true, fixtures.linter), ("clean bodies, one thread", true, oneThread),
                                      ("clean bodies, one thread, no prefilter", true, noPrefilter),
                                      ("flagged bodies", false, fixtures.linter), ("flagged bodies, one thread", false, oneThread),
                                      ("clean bodies, interpreter", true, interpreted.linter)] {
            let draft = try fixtures.realisticDraft(codePoints: 4_000, clean: clean)
            let applicable = fixtures.rules.filter { $0.applies(to: draft.messageType) }.count
            let findings = linter.lint(draft).count
            let stats = Stopwatch.sample(minimumSeconds: scale, minimumRuns: 50) {
                blackHole(linter.lint(draft))
            }
            out += row("lint 4000-char draft (\(name))", stats, unit: .microseconds,
                       derived: "\(draft.body.utf8.count) bytes, \(applicable) rules apply, \(findings) findings, target ≤ 1 ms mean: \(stats.mean <= 1e-3 ? "met" : String(format: "missed by %.2f ms (%.1fx)", (stats.mean - 1e-3) * 1e3, stats.mean / 1e-3))")
        }

        let examples = fixtures.rules.map(\.examples.count).reduce(0, +)
        for (name, verify, jit) in [("examples verified, JIT", true, true), ("examples not verified, JIT", false, true),
                                    ("examples verified, no JIT = parley lint", true, false),
                                    ("examples not verified, no JIT", false, false)] {
            let stats = Stopwatch.sample(minimumSeconds: scale) {
                blackHole(try? RuleLoader(verifyExamples: verify, jit: jit).load(directory: PackagePaths.rules))
            }
            out += row("load rules (\(name))", stats, unit: .milliseconds,
                       derived: verify ? "\(examples) examples" : "\(fixtures.rules.map(\.patterns.count).reduce(0, +)) patterns")
        }

        // What `parley lint` does once the pack is stored: read the compiled pack instead.
        let packFolder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-pack-\(getpid())")
        let pack = RulePackCache(url: packFolder.appendingPathComponent("rules.pack"))
        if (try? pack.store(fixtures.rules)) != nil {
            let packBytes = (try? FileManager.default.attributesOfItem(atPath: pack.url.path))?[.size] as? Int ?? 0
            let stats = Stopwatch.sample(minimumSeconds: scale) { blackHole(pack.load(jit: false)) }
            out += row("load compiled pack (no JIT = parley lint after its first run)", stats, unit: .milliseconds,
                       derived: "\(packBytes / 1024) KB file")
        }
        try? FileManager.default.removeItem(at: packFolder)

        // Where loading goes: compiling the expanded patterns (and exceptions) again, with and
        // without JIT; the rest of a load is YAML, vocabulary expansion and validation.
        let regexes = fixtures.rules.flatMap { $0.patterns + $0.exceptions }
        let withJIT = Stopwatch.sample(minimumSeconds: scale) {
            for regex in regexes { blackHole(try? PCRE2Regex(regex.pattern, options: regex.options)) }
        }
        out += row("compile \(regexes.count) patterns + exceptions (PCRE2 compile + JIT)", withJIT, unit: .milliseconds,
                   derived: "\(regexes.map(\.pattern.utf8.count).reduce(0, +)) pattern bytes")
        let withoutJIT = Stopwatch.sample(minimumSeconds: scale) {
            for regex in regexes { blackHole(try? PCRE2Regex(regex.pattern, options: regex.options, jit: false)) }
        }
        out += row("compile \(regexes.count) patterns + exceptions (PCRE2 compile, no JIT)", withoutJIT, unit: .milliseconds, derived: "")
        // The fixed price of one `matches` call (match context + match data, one failed attempt).
        if let failing = try? PCRE2Regex("\\A(?!)") {
            let text = UTF8Text(try fixtures.realisticDraft(codePoints: 4_000, clean: true).body)
            let calls = 10_000
            let stats = Stopwatch.sample(minimumSeconds: scale / 2) {
                for _ in 0..<calls { blackHole(try? failing.matches(in: text)) }
            }
            let patternCount = fixtures.rules.map(\.patterns.count).reduce(0, +)
            out += "| PCRE2Regex.matches fixed cost per call | " + String(format: "%.0f ns | %.0f ns | %.0f ns | %.0f ns", stats.mean / Double(calls) * 1e9,
                stats.median / Double(calls) * 1e9, stats.percentile(99) / Double(calls) * 1e9, stats.cpuMean / Double(calls) * 1e9)
                + " | × \(patternCount) patterns × fields per draft |\n"
        }
        let vocabularyFolder = PackagePaths.rules.appendingPathComponent("vocabularies")
        let vocabularyFiles = ((try? FileManager.default.contentsOfDirectory(atPath: vocabularyFolder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }
            .compactMap { try? String(contentsOf: vocabularyFolder.appendingPathComponent($0), encoding: .utf8) }
        let vocabularies = Stopwatch.sample(minimumSeconds: scale / 2) {
            for contents in vocabularyFiles { blackHole(Vocabulary(name: "v", contents: contents)) }
        }
        out += row("build \(vocabularyFiles.count) vocabularies (trie groups)", vocabularies, unit: .milliseconds,
                   derived: "the rest of a load is YAML parsing, vocabulary splicing and validation")
        return out
    }

    enum Unit { case microseconds, milliseconds }

    static func format(_ seconds: Double, _ unit: Unit) -> String {
        switch unit {
        case .microseconds: String(format: "%.1f µs", seconds * 1e6)
        case .milliseconds: String(format: "%.2f ms", seconds * 1e3)
        }
    }

    static func row(_ name: String, _ stats: Summary, unit: Unit, derived: String) -> String {
        "| \(name) | \(format(stats.mean, unit)) | \(format(stats.median, unit)) | \(format(stats.percentile(99), unit)) | \(format(stats.cpuMean, unit)) | \(derived) |\n"
    }

    // MARK: rule costs

    /// Each rule alone (`Linter(rules: [rule])`) over every corpus draft it applies to; the median
    /// of repeated passes. Shares are of the sum over all rules.
    static func ruleCosts(_ fixtures: Fixtures) -> String {
        let perRule = 0.2 * secondsScale
        var costs: [(rule: Rule, seconds: Double, drafts: Int, flagged: Int)] = []
        for rule in fixtures.rules {
            guard let linter = try? Linter(rules: [rule]) else { continue }
            let drafts = fixtures.drafts.filter { rule.applies(to: $0.messageType) }
            let stats = Stopwatch.sample(minimumSeconds: perRule) {
                for draft in drafts { blackHole(linter.lint(draft)) }
            }
            costs.append((rule, stats.median, drafts.count, drafts.filter { !linter.lint($0).isEmpty }.count))
        }
        costs.sort { $0.seconds > $1.seconds }
        let total = costs.map(\.seconds).reduce(0, +)
        let fullPack = Stopwatch.sample(minimumSeconds: secondsScale) {
            for draft in fixtures.drafts { blackHole(fixtures.linter.lint(draft)) }
        }.median

        var out = "## Per-rule cost over the corpus (\(costs.count) rules; each rule alone, median pass)\n\n"
        out += String(format: "Sum of single-rule passes %.2f ms; full pack in one linter %.2f ms.\n\n", total * 1e3, fullPack * 1e3)
        out += "`drafts` is the drafts the rule applies to; `flagged` those it reports anything in (what a perfect prefilter could not skip).\n\n"
        out += "| # | rule | check | patterns | drafts | flagged | ms per corpus pass | share |\n|---|---|---|---|---|---|---|---|\n"
        for (index, cost) in costs.enumerated() {
            let share = total > 0 ? cost.seconds / total * 100 : 0
            out += "| \(index + 1) | \(cost.rule.id) | \(cost.rule.check.name) | \(cost.rule.patterns.count) | \(cost.drafts) | \(cost.flagged) | "
                + String(format: "%.3f | %.1f %%", cost.seconds * 1e3, share) + " |\n"
        }

        // Where the five costliest rules spend their time: each pattern alone over the fields the
        // rule scans (plain `matches`, no exceptions or findings).
        out += "\n### Patterns of the five costliest rules (each pattern alone, its rule's fields)\n\n"
        out += "| rule | pattern # | µs per corpus pass | JIT | pattern (first 100 characters) |\n|---|---|---|---|---|\n"
        for cost in costs.prefix(5) where cost.rule.check.usesPatterns {
            let drafts = fixtures.drafts.filter { cost.rule.applies(to: $0.messageType) }
            let texts = drafts.flatMap { draft in cost.rule.fields.map { UTF8Text(draft.text(of: $0)) } }.filter { !$0.bytes.isEmpty }
            for (index, pattern) in cost.rule.patterns.enumerated() {
                let median = Stopwatch.sample(minimumSeconds: perRule / 2) {
                    for text in texts { blackHole(try? pattern.matches(in: text)) }
                }.median
                let shown = String(pattern.pattern.prefix(100)).replacingOccurrences(of: "|", with: "\\|")
                out += "| \(cost.rule.id) | \(index + 1) | " + String(format: "%.1f", median * 1e6)
                    + " | \(pattern.isJITCompiled ? "yes" : "no") | `\(shown)` |\n"
            }
        }
        return out
    }

    // MARK: draft-costs

    static func draftCosts(_ fixtures: Fixtures) throws -> String {
        let draft = try fixtures.realisticDraft(clean: true)
        let text = UTF8Text(draft.body)
        let prefilter = PatternPrefilter(rules: fixtures.rules)
        let presence = prefilter.presence(in: text)
        var rows: [(rule: String, index: Int, seconds: Double, runs: Bool)] = []
        for rule in fixtures.rules where rule.check.usesPatterns && rule.applies(to: draft.messageType) {
            for (index, pattern) in (rule.patterns + rule.skips).enumerated() {
                let median = Stopwatch.sample(minimumSeconds: 0.05 * secondsScale) {
                    blackHole(try? pattern.matches(in: text))
                }.median
                // Skip patterns are numbered after the rule's patterns, with a minus sign.
                let number = index < rule.patterns.count ? index + 1 : -(index - rule.patterns.count + 1)
                rows.append((rule.id, number, median, prefilter.mayMatch(pattern, presence: presence)))
            }
        }
        rows.sort { $0.seconds > $1.seconds }
        let running = rows.filter(\.runs)
        var out = "## Patterns over the 4,000-character clean draft (each alone, median)\n\n"
        out += String(
            format: "%d patterns, %d pass the prefilter; all: %.1f µs, those that run: %.1f µs\n\n", rows.count, running.count,
            rows.map(\.seconds).reduce(0, +) * 1e6, running.map(\.seconds).reduce(0, +) * 1e6)
        out += "| rule | pattern # (skip: −n) | µs | runs | literals found (one per clause) |\n|---|---|---|---|---|\n"
        let bytes = Array(draft.body.utf8)
        for row in rows.prefix(40) {
            let rule = fixtures.rules.first { $0.id == row.rule }
            let pattern = row.index > 0 ? rule?.patterns[row.index - 1] : rule?.skips[-row.index - 1]
            // Which literal of each clause the scanner found (its alphabet shown with \b and ·).
            let found =
                row.runs
                ? (pattern?.requiredLiterals.clauses ?? []).map { clause in
                    let presence = LiteralSetScanner(literals: clause).presence(in: bytes)
                    return clause.indices.first(where: presence.contains).map {
                        "`" + clause[$0].replacingOccurrences(of: "\u{1}", with: "\\b").replacingOccurrences(of: "\u{2}", with: "·") + "`"
                    } ?? "?"
                }.joined(separator: ", ") : ""
            out += "| \(row.rule) | \(row.index) | " + String(format: "%.1f", row.seconds * 1e6)
                + " | \(row.runs ? "yes" : "skipped") | \(found) |\n"
        }
        return out
    }

    // MARK: patterns (for python_re_baseline.py)

    struct PatternInput: Decodable {
        struct Pattern: Decodable {
            var pattern: String
            var caseless: Bool
            /// Parley always compiles with UCP; `false` is for experiments (what UCP costs).
            var ucp: Bool?
        }
        var patterns: [Pattern]
        var texts: [String]
        var min_seconds: Double?
        /// Stop at each text's first match (`firstMatch`, as a prefilter or a required-pattern check would).
        var first_only: Bool?
    }

    struct PatternOutput: Encodable {
        var engine = "PCRE2 (Parley's PCRE2Regex: UTF+UCP, JIT when available)"
        var patterns: Int
        var jit_compiled: Int
        var texts: Int
        var bytes: Int
        var code_points: Int
        var matches: Int
        var rounds: Int
        var median_seconds: Double
        var min_seconds: Double
        var mean_seconds: Double
        /// Median thread CPU time per pass.
        var cpu_median_seconds: Double
        var matches_per_pattern: [Int]
        /// Each pattern alone over every text: median seconds per pass.
        var seconds_per_pattern: [Double]
    }

    /// Every pattern over every text, in the order a lint scans them (per text, per pattern); each
    /// round converts each text to `UTF8Text` once, as a lint does per field.
    static func patterns() throws -> String {
        let data: Data
        if let path = ProcessInfo.processInfo.environment["PARLEY_BENCH_INPUT"], !path.isEmpty {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let input = try JSONDecoder().decode(PatternInput.self, from: data)
        let compiled = try input.patterns.map { item in
            var options: CompileOptions = item.ucp == false ? .utf : .unicode
            if item.caseless { options.insert(.caseless) }
            return try PCRE2Regex(item.pattern, options: options)
        }
        let firstOnly = input.first_only ?? false
        func scan(_ pattern: PCRE2Regex, _ text: UTF8Text) throws -> Int {
            firstOnly ? (try pattern.firstMatch(in: text) == nil ? 0 : 1) : try pattern.matches(in: text).count
        }
        var matchesPerPattern = Array(repeating: 0, count: compiled.count)
        for text in input.texts.map(UTF8Text.init) {
            for (index, pattern) in compiled.enumerated() { matchesPerPattern[index] += try scan(pattern, text) }
        }
        let samples = Stopwatch.sample(minimumSeconds: input.min_seconds ?? 1, minimumRuns: 3) {
            for string in input.texts {
                let text = UTF8Text(string)
                for pattern in compiled { blackHole(try? scan(pattern, text)) }
            }
        }
        let prepared = input.texts.map(UTF8Text.init)
        let perPattern = compiled.map { pattern in
            Stopwatch.sample(minimumSeconds: 0, minimumRuns: 3) {
                for text in prepared { blackHole(try? scan(pattern, text)) }
            }.median
        }
        let output = PatternOutput(
            patterns: compiled.count, jit_compiled: compiled.filter(\.isJITCompiled).count, texts: input.texts.count,
            bytes: input.texts.map(\.utf8.count).reduce(0, +), code_points: input.texts.map(\.unicodeScalars.count).reduce(0, +),
            matches: matchesPerPattern.reduce(0, +), rounds: samples.samples.count, median_seconds: samples.median,
            min_seconds: samples.minimum, mean_seconds: samples.mean,
            cpu_median_seconds: Summary(samples: samples.cpu).median, matches_per_pattern: matchesPerPattern,
            seconds_per_pattern: perPattern)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
