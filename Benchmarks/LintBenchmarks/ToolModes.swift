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
            case "corpus-anchoring":
                print(try corpusAnchoring(try Fixtures.load()))
            case "scan-costs":
                print(try scanCosts(try Fixtures.load()))
            case "corpus-loop":
                // Lints the corpus over and over for PARLEY_BENCH_SECONDS (anchoring off with
                // PARLEY_BENCH_ANCHORING=never): something to profile.
                let fixtures = try Fixtures.load()
                var linter = fixtures.linter
                if ProcessInfo.processInfo.environment["PARLEY_BENCH_ANCHORING"] == "never" { linter.startAnchoring = .never }
                let end = ContinuousClock.now + .milliseconds(Int(secondsScale * 1000))
                var runs = 0
                while ContinuousClock.now < end {
                    for draft in fixtures.drafts { blackHole(linter.lint(draft)) }
                    runs += 1
                }
                print("\(runs) corpus passes")
            case "reading-costs":
                // How long reading each pattern for its literals takes (what building a prefilter costs).
                let fixtures = try Fixtures.load()
                var costs: [(String, Double)] = []
                for rule in fixtures.rules {
                    for (index, pattern) in (rule.patterns + rule.skips).enumerated() {
                        let median = Stopwatch.sample(minimumSeconds: 0.02) {
                            blackHole(RequiredLiterals(pattern: pattern.pattern, options: pattern.options))
                        }.median
                        costs.append(("\(rule.id) \(index + 1) (\(pattern.pattern.utf8.count) bytes)", median))
                    }
                }
                print(String(format: "all: %.1f ms", costs.map(\.1).reduce(0, +) * 1e3))
                for (name, seconds) in costs.sorted(by: { $0.1 > $1.1 }).prefix(12) { print(String(format: "%8.2f ms  ", seconds * 1e3) + name) }
            case "anchoring-ab":
                print(try anchoringAB(try Fixtures.load()))
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
        var corpusLinter = fixtures.linter
        corpusLinter.startAnchoring = .never
        let unanchoredCorpus = Stopwatch.sample(minimumSeconds: 2 * scale) {
            for draft in fixtures.drafts { blackHole(corpusLinter.lint(draft)) }
        }
        out += row("lint corpus (all drafts, no start anchoring)", unanchoredCorpus, unit: .milliseconds,
                   derived: String(format: "%.2f MB/s (%.2f MB/s by CPU time)", Double(fixtures.corpusBytes) / unanchoredCorpus.mean / 1e6,
                                   Double(fixtures.corpusBytes) / unanchoredCorpus.cpuMean / 1e6))

        let interpreted = try Fixtures.load(jit: false)
        // The same linter on one thread: what the draft costs in CPU, whatever the machine's cores.
        var oneThread = fixtures.linter
        oneThread.lanes = 1
        var noPrefilter = try Linter(rules: fixtures.rules, prefilter: false)
        noPrefilter.lanes = 1
        // Literal prefilter, but every pattern searched in full (no start anchoring).
        var unanchored = oneThread
        unanchored.startAnchoring = .never
        for (name, clean, linter) in [("clean bodies", true, fixtures.linter), ("clean bodies, one thread", true, oneThread),
                                      ("clean bodies, one thread, no start anchoring", true, unanchored),
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

        // What a linter costs to build (the prefilter reads every pattern and builds the scanner,
        // PCRE2 compiles nothing here), and what one pass of that scanner over the draft costs.
        let rules = fixtures.rules
        let building = Stopwatch.sample(minimumSeconds: scale / 2) {
            // Fresh patterns each time: a pattern keeps what it learnt about its literals.
            let fresh = rules.map { rule in
                var copy = rule
                copy.patterns = rule.patterns.compactMap { try? PCRE2Regex($0.pattern, options: $0.options, jit: false) }
                copy.skips = rule.skips.compactMap { try? PCRE2Regex($0.pattern, options: $0.options, jit: false) }
                return copy
            }
            blackHole(PatternPrefilter(rules: fresh))
        }
        let prefilter = PatternPrefilter(rules: rules)
        out += row("compile without JIT + build the prefilter (\(prefilter.anchoredPatternCount) patterns with start literals)",
                   building, unit: .milliseconds, derived: "less the compile row below: what reading the patterns costs")
        let draftText = UTF8Text(try fixtures.realisticDraft(codePoints: 4_000, clean: true).body)
        let scanning = Stopwatch.sample(minimumSeconds: scale / 2) { blackHole(prefilter.scan(draftText)) }
        out += row("prefilter scan of the 4,000-character draft (presence and start positions)", scanning, unit: .microseconds, derived: "")

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

    // MARK: anchoring-ab

    /// The corpus and the 4,000-character drafts (one thread) linted with start anchoring as shipped
    /// and off, pass after pass in turn, so that both see the same machine load: median wall and
    /// thread CPU time of each.
    static func anchoringAB(_ fixtures: Fixtures) throws -> String {
        var anchored = fixtures.linter
        anchored.lanes = 1
        var unanchored = anchored
        unanchored.startAnchoring = .never
        // PARLEY_BENCH_AB=lanes compares one thread with the shipped lanes (both anchored) instead.
        let lanes = ProcessInfo.processInfo.environment["PARLEY_BENCH_AB"] == "lanes"
        if lanes { unanchored = fixtures.linter }
        let clean = try fixtures.realisticDraft(clean: true), flagged = try fixtures.realisticDraft(clean: false)
        let workloads: [(String, [Draft], Int)] = [("corpus", fixtures.drafts, 1), ("4,000-char clean", [clean], 50), ("4,000-char flagged", [flagged], 50)]
        var out: String
        if lanes {
            out = "## One thread and lanes, interleaved (anchored; median per pass; CPU of the calling thread)\n\n"
            out += "| workload | one thread wall | one thread CPU | lanes wall | lanes CPU |\n|---|---|---|---|---|\n"
        } else {
            out = "## Start anchoring on and off, interleaved (one thread; median per pass)\n\n"
            out += "| workload | anchored wall | anchored CPU | not anchored wall | not anchored CPU |\n|---|---|---|---|---|\n"
        }
        for (name, drafts, repeats) in workloads {
            var samples: [[(wall: Double, cpu: Double)]] = [[], []]
            let end = ContinuousClock.now + .milliseconds(Int(secondsScale * 2000))
            while ContinuousClock.now < end {
                for (index, linter) in [anchored, unanchored].enumerated() {
                    let cpuStart = Stopwatch.threadCPUTime()
                    let wall = Stopwatch.seconds(ContinuousClock().measure {
                        for _ in 0..<repeats { for draft in drafts { blackHole(linter.lint(draft)) } }
                    })
                    samples[index].append((wall / Double(repeats), (Stopwatch.threadCPUTime() - cpuStart) / Double(repeats)))
                }
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            let cells = samples.flatMap { [median($0.map(\.wall)), median($0.map(\.cpu))] }
            out += "| \(name) | " + cells.map { String(format: "%.1f µs", $0 * 1e6) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    // MARK: corpus-anchoring

    /// Each pattern with start literals over every corpus body it passes the prefilter on, searched
    /// in full and at its candidates (as `whenSparse` picks them): where anchoring wins and loses.
    static func corpusAnchoring(_ fixtures: Fixtures) throws -> String {
        let prefilter = PatternPrefilter(rules: fixtures.rules)
        let texts = fixtures.drafts.map { UTF8Text($0.body) }
        let scans = texts.map { prefilter.scan($0) }
        var rows: [(name: String, full: Double, anchored: Double, anchoredTexts: Int, texts: Int)] = []
        for rule in fixtures.rules where rule.check.usesPatterns {
            for (index, pattern) in (rule.patterns + rule.skips).enumerated() {
                var work: [(UTF8Text, [Int]?)] = []
                for (text, scan) in zip(texts, scans) where !text.bytes.isEmpty && prefilter.mayMatch(pattern, presence: scan.presence) {
                    let limit = StartAnchoring.whenSparse.candidateLimit(
                        forBytes: text.byteCount, firstCodeUnitIsKnown: pattern.firstCodeUnitIsKnown) ?? 0
                    work.append((text, prefilter.candidates(for: pattern, in: scan, limit: limit)))
                }
                guard work.contains(where: { $0.1 != nil }) else { continue }
                let full = Stopwatch.sample(minimumSeconds: 0.05 * secondsScale) {
                    for (text, _) in work { blackHole(try? pattern.matches(in: text)) }
                }.median
                let anchored = Stopwatch.sample(minimumSeconds: 0.05 * secondsScale) {
                    for (text, candidates) in work {
                        if let candidates {
                            blackHole(try? pattern.matches(in: text, startingAt: candidates))
                        } else {
                            blackHole(try? pattern.matches(in: text))
                        }
                    }
                }.median
                let number = index < rule.patterns.count ? index + 1 : -(index - rule.patterns.count + 1)
                rows.append(("\(rule.id) \(number)", full, anchored, work.filter { $0.1 != nil }.count, work.count))
            }
        }
        rows.sort { ($0.anchored - $0.full) < ($1.anchored - $1.full) }
        var out = "## Patterns with start literals over the corpus bodies they run on (median pass)\n\n"
        out += String(
            format: "full search %.2f ms, as the lint anchors them %.2f ms\n\n", rows.map(\.full).reduce(0, +) * 1e3,
            rows.map(\.anchored).reduce(0, +) * 1e3)
        out += "| pattern | full µs | anchored µs | bodies anchored / run |\n|---|---|---|---|\n"
        for row in rows.prefix(10) + rows.suffix(10) {
            out += "| \(row.name) | " + String(format: "%.1f | %.1f", row.full * 1e6, row.anchored * 1e6) + " | \(row.anchoredTexts) / \(row.texts) |\n"
        }
        return out
    }

    // MARK: scan-costs

    /// The literal scan of the 4,000-character clean draft, taken apart: the required literals
    /// alone, with the start literals added but not located, and located as the prefilter does.
    static func scanCosts(_ fixtures: Fixtures) throws -> String {
        let bytes = Array(try fixtures.realisticDraft(clean: true).body.utf8)
        let patterns = fixtures.rules.flatMap { $0.patterns + $0.skips }
        let required = Set(patterns.flatMap { $0.requiredLiterals.clauses.joined() })
        // As the prefilter does: sets with a one-symbol literal are not located.
        let starts = Set(
            patterns.compactMap(\.startLiterals).filter { $0.literals.allSatisfy { $0.utf8.count > 1 } }.flatMap(\.literals))
        let all = Array(required.union(starts)).sorted()
        let startIDs = Set(all.indices.filter { starts.contains(all[$0]) })
        let bodies = fixtures.drafts.map { Array($0.body.utf8) }
        var out = "## Literal scan of the 4,000-character clean draft, and of every corpus body (median)\n\n"
        out += "| scanner | literals | states | µs (draft) | µs (corpus bodies) |\n|---|---|---|---|---|\n"
        for (name, literals, located) in [
            ("required literals only", Array(required).sorted(), Set<Int>()), ("required and start literals, none located", all, []),
            ("required and start literals, start literals located", all, startIDs),
        ] {
            let scanner = LiteralSetScanner(literals: literals, locating: located)
            let median = Stopwatch.sample(minimumSeconds: 0.5 * secondsScale) { blackHole(scanner.scan(bytes)) }.median
            let corpus = Stopwatch.sample(minimumSeconds: 0.5 * secondsScale) {
                for body in bodies { blackHole(scanner.scan(body)) }
            }.median
            out += "| \(name) | \(literals.count) | \(scanner.stateCount) | " + String(format: "%.1f | %.1f", median * 1e6, corpus * 1e6) + " |\n"
            if !located.isEmpty {
                var counts: [Int: Int] = [:]
                for start in scanner.scan(bytes).starts ?? [] { counts[start.literal, default: 0] += 1 }
                out += "\nMost frequent located literals: "
                    + counts.sorted { $0.value > $1.value }.prefix(15).map {
                        "`\(all[$0.key].replacingOccurrences(of: "\u{1}", with: "\\b").replacingOccurrences(of: "\u{2}", with: "·"))` \($0.value)"
                    }.joined(separator: ", ") + " (\(counts.values.reduce(0, +)) in all)\n\n"
            }
        }
        return out
    }

    // MARK: draft-costs

    static func draftCosts(_ fixtures: Fixtures) throws -> String {
        let draft = try fixtures.realisticDraft(clean: true)
        let text = UTF8Text(draft.body)
        let prefilter = PatternPrefilter(rules: fixtures.rules)
        let scan = prefilter.scan(text)
        struct Row {
            var rule: String
            var index: Int
            /// What the lint pays: at the candidates when it uses them, else the full search.
            var seconds: Double
            var fullSeconds: Double
            var runs: Bool
            /// Candidates the lint tries (nil: full search), and how many there are in all.
            var candidates: Int?
            var allCandidates: Int?
            var firstCodeUnitIsKnown: Bool
        }
        var rows: [Row] = []
        for rule in fixtures.rules where rule.check.usesPatterns && rule.applies(to: draft.messageType) {
            for (index, pattern) in (rule.patterns + rule.skips).enumerated() {
                let full = Stopwatch.sample(minimumSeconds: 0.05 * secondsScale) {
                    blackHole(try? pattern.matches(in: text))
                }.median
                let limit = StartAnchoring.whenSparse.candidateLimit(
                    forBytes: text.byteCount, firstCodeUnitIsKnown: pattern.firstCodeUnitIsKnown) ?? 0
                let candidates = prefilter.candidates(for: pattern, in: scan, limit: limit)
                var seconds = full
                if let candidates {
                    seconds = Stopwatch.sample(minimumSeconds: 0.05 * secondsScale) {
                        blackHole(try? pattern.matches(in: text, startingAt: candidates))
                    }.median
                }
                // Skip patterns are numbered after the rule's patterns, with a minus sign.
                let number = index < rule.patterns.count ? index + 1 : -(index - rule.patterns.count + 1)
                rows.append(
                    Row(
                        rule: rule.id, index: number, seconds: seconds, fullSeconds: full,
                        runs: prefilter.mayMatch(pattern, presence: scan.presence), candidates: candidates?.count,
                        allCandidates: prefilter.candidates(for: pattern, in: scan)?.count,
                        firstCodeUnitIsKnown: pattern.firstCodeUnitIsKnown))
            }
        }
        rows.sort { $0.seconds > $1.seconds }
        let running = rows.filter(\.runs)
        var out = "## Patterns over the 4,000-character clean draft (each alone, median)\n\n"
        let scanner = prefilter.literalScanner
        out += "Scanner: \(scanner.literals.count) literals (\(scanner.locatedCount) located at their match states), "
            + "\(scanner.stateCount) states; the draft holds \(scan.starts?.count ?? 0) located occurrences.\n\n"
        out += String(
            format: "%d patterns, %d pass the prefilter, %d of those tried at their start literals only (at most one per %d bytes, "
                + "%d when PCRE2 knows the first code unit); those that run: %.1f µs (%.1f µs searched in full)\n\n",
            rows.count, running.count, running.filter { $0.candidates != nil }.count, StartAnchoring.bytesPerCandidate,
            StartAnchoring.bytesPerCandidateAfterKnownFirstUnit,
            running.map(\.seconds).reduce(0, +) * 1e6, running.map(\.fullSeconds).reduce(0, +) * 1e6)
        out += "| rule | pattern # (skip: −n) | µs | full search µs | runs | candidates (tried / all) | literals found (one per clause) |\n"
        out += "|---|---|---|---|---|---|---|\n"
        let bytes = Array(draft.body.utf8)
        for row in rows.filter(\.runs) + rows.filter({ !$0.runs }).prefix(10) {
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
            let candidates =
                switch (row.candidates, row.allCandidates) {
                case let (tried?, _): "\(tried)" + (row.firstCodeUnitIsKnown ? " (first unit known)" : "")
                case let (nil, all?): "full (\(all)" + (row.firstCodeUnitIsKnown ? ", first unit known)" : ")")
                case (nil, nil): pattern?.startLiterals == nil ? "no start literals" : "full"
                }
            out += "| \(row.rule) | \(row.index) | " + String(format: "%.1f | %.1f", row.seconds * 1e6, row.fullSeconds * 1e6)
                + " | \(row.runs ? "yes" : "skipped") | \(candidates) | \(found) |\n"
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
        /// Match as the linter does: Parley's literal prefilter skips a pattern whose required
        /// literals a text lacks, and a pattern with few start candidates is tried only there.
        var prefilter: Bool?
    }

    struct PatternOutput: Encodable {
        var engine = "PCRE2 (Parley's PCRE2Regex: UTF+UCP, JIT when available)"
        var prefilter: Bool
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
        // The same steps as the linter's FieldTexts: one literal scan per text, then each pattern
        // skipped, tried at its start candidates, or searched in full.
        let prefilter = input.prefilter == true ? PatternPrefilter(patterns: compiled) : nil
        func scan(_ pattern: PCRE2Regex, _ text: UTF8Text, _ fieldScan: FieldScan?) throws -> Int {
            var candidates: [Int]?
            if let prefilter, let fieldScan {
                guard prefilter.mayMatch(pattern, presence: fieldScan.presence) else { return 0 }
                if let limit = StartAnchoring.whenSparse.candidateLimit(
                    forBytes: text.byteCount, firstCodeUnitIsKnown: pattern.firstCodeUnitIsKnown)
                {
                    candidates = prefilter.candidates(for: pattern, in: fieldScan, limit: limit)
                }
            }
            if let candidates {
                return firstOnly
                    ? (try pattern.firstMatch(in: text, startingAt: candidates) == nil ? 0 : 1)
                    : try pattern.matches(in: text, startingAt: candidates).count
            }
            return firstOnly ? (try pattern.firstMatch(in: text) == nil ? 0 : 1) : try pattern.matches(in: text).count
        }
        var matchesPerPattern = Array(repeating: 0, count: compiled.count)
        for text in input.texts.map(UTF8Text.init) {
            let fieldScan = prefilter?.scan(text)
            for (index, pattern) in compiled.enumerated() { matchesPerPattern[index] += try scan(pattern, text, fieldScan) }
        }
        let samples = Stopwatch.sample(minimumSeconds: input.min_seconds ?? 1, minimumRuns: 3) {
            for string in input.texts {
                let text = UTF8Text(string)
                let fieldScan = prefilter?.scan(text)
                for pattern in compiled { blackHole(try? scan(pattern, text, fieldScan)) }
            }
        }
        let prepared = input.texts.map(UTF8Text.init)
        let preparedScans = prepared.map { prefilter?.scan($0) }
        let perPattern = compiled.map { pattern in
            Stopwatch.sample(minimumSeconds: 0, minimumRuns: 3) {
                for (text, fieldScan) in zip(prepared, preparedScans) { blackHole(try? scan(pattern, text, fieldScan)) }
            }.median
        }
        let output = PatternOutput(
            prefilter: prefilter != nil, patterns: compiled.count, jit_compiled: compiled.filter(\.isJITCompiled).count, texts: input.texts.count,
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
