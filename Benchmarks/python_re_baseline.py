#!/usr/bin/env python3
"""Parley's PCRE2 patterns against Python's `re` on the same patterns and the same texts.

1. Reads the rule pack with its vocabularies expanded from `parley rules list --format json`
   (rules whose `check` is `pattern` or `required-pattern`).
2. Compiles every pattern with `re` (re.IGNORECASE when the rule is caseless; str patterns are
   Unicode by default). A pattern `re` rejects (\\K, \\p{..}, (*SKIP), ...) or only accepts with a
   warning (POSIX classes such as [[:alpha:]] read as a plain set) is listed and skipped.
3. Scans every corpus body (corpus/*.yaml, PyYAML) with finditer for every kept pattern, in lint
   order (per body, per pattern), and times whole passes.
4. Times the SAME kept patterns over the SAME bodies on the Swift side in the same run: the
   LintBenchmarks executable in its `patterns` tool mode (PARLEY_BENCH_MODE=patterns) compiles
   them with Parley's PCRE2Regex (UTF + UCP, caseless as the rule says, JIT) and calls
   `matches(in:)` for every pattern on every body, converting each body to UTF8Text once per pass
   as a lint does.
5. Prints MB/s (UTF-8 bytes of the bodies per second), microseconds per 4,000 characters (code
   points) and the ratio python/swift. Both sides report match counts; patterns on which the
   engines disagree are listed (semantics differ slightly: \\b, \\s, case folding).
6. Times the same patterns over the same bodies once more as `parley lint` matches them (the
   literal prefilter skips a pattern whose required literals a body lacks; a pattern with few start
   candidates is tried only there) and prints that ratio too, checking the match counts are equal.

Run from anywhere (paths come from this file's location):
    python3 Benchmarks/python_re_baseline.py            # builds what it needs (release)
    python3 Benchmarks/python_re_baseline.py --no-build --min-seconds 5
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".build-bench"
ENV = dict(os.environ, ENABLE_PARLEY_BENCHMARKS="1")
ENV.pop("PARLEY_BENCH_MODE", None)


def run(cmd, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=kwargs.pop("env", ENV), check=True, **kwargs)


def build():
    for product in ("parley", "LintBenchmarks"):
        print(f"building {product} (release, {SCRATCH.name}) ...", file=sys.stderr)
        run(["swift", "build", "-c", "release", "--scratch-path", str(SCRATCH), "--product", product],
            stdout=subprocess.DEVNULL)


def load_rules(args):
    if args.rules_json:
        return json.loads(Path(args.rules_json).read_text())
    out = run([str(SCRATCH / "release" / "parley"), "rules", "list", "--format", "json",
               "--rules", str(args.rules_dir)], capture_output=True, text=True).stdout
    return json.loads(out)


def load_bodies(corpus_dir):
    bodies = []
    for path in sorted(Path(corpus_dir).glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            bodies.append(case.get("body") or "")
    return bodies


def compile_all(catalog):
    kept, skipped = [], []
    for rule in catalog["rules"]:
        if rule["check"] not in ("pattern", "required-pattern"):
            continue
        flags = re.IGNORECASE if rule["caseless"] else 0
        for index, pattern in enumerate(rule["patterns"], 1):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # e.g. FutureWarning "Possible nested set"
                    compiled = re.compile(pattern, flags)
            except (re.error, Warning, RecursionError, OverflowError) as error:
                skipped.append((rule["id"], index, f"{type(error).__name__}: {str(error)[:90]}"))
                continue
            kept.append({"rule": rule["id"], "index": index, "pattern": pattern,
                         "caseless": bool(rule["caseless"]), "compiled": compiled})
    return kept, skipped


def python_pass(compiled, bodies):
    count = 0
    for body in bodies:
        for pattern in compiled:
            for _ in pattern.finditer(body):
                count += 1
    return count


def time_python(compiled, bodies, min_seconds, min_rounds=3):
    """Wall-clock and thread-CPU seconds of whole passes (after one warm-up pass)."""
    python_pass(compiled, bodies)
    samples, cpu = [], []
    while sum(samples) < min_seconds or len(samples) < min_rounds:
        start, cpu_start = time.perf_counter(), time.thread_time()
        python_pass(compiled, bodies)
        samples.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - cpu_start)
    return samples, cpu


def python_counts(kept, bodies):
    return [sum(1 for body in bodies for _ in item["compiled"].finditer(body)) for item in kept]


def python_per_pattern(kept, bodies, rounds=3):
    """Each pattern alone over every body: median seconds per pass."""
    result = []
    for item in kept:
        samples = []
        for _ in range(rounds):
            start = time.perf_counter()
            python_pass([item["compiled"]], bodies)
            samples.append(time.perf_counter() - start)
        result.append(statistics.median(samples))
    return result


def time_swift(kept, bodies, min_seconds, prefilter=False):
    payload = {"patterns": [{"pattern": k["pattern"], "caseless": k["caseless"]} for k in kept],
               "texts": bodies, "min_seconds": min_seconds, "prefilter": prefilter}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(payload, handle)
    try:
        env = dict(ENV, PARLEY_BENCH_MODE="patterns", PARLEY_BENCH_INPUT=handle.name)
        out = run([str(SCRATCH / "release" / "LintBenchmarks")], env=env, capture_output=True, text=True).stdout
    finally:
        os.unlink(handle.name)
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use the binaries already in .build-bench/release")
    parser.add_argument("--rules-json", help="read the rule catalog from this file instead of running parley")
    parser.add_argument("--rules-dir", default=os.environ.get("PARLEY_BENCH_RULES_DIR") or ROOT / "rules",
                        help="rules folder (default $PARLEY_BENCH_RULES_DIR, else rules/)")
    parser.add_argument("--corpus-dir", default=os.environ.get("PARLEY_BENCH_CORPUS_DIR") or ROOT / "corpus",
                        help="corpus folder (default $PARLEY_BENCH_CORPUS_DIR, else corpus/)")
    parser.add_argument("--min-seconds", type=float, default=3.0, help="minimum timed seconds per side (default 3)")
    parser.add_argument("--top", type=int, default=10, help="patterns listed in the per-pattern table (default 10)")
    args = parser.parse_args()

    if not args.no_build:
        build()
    catalog = load_rules(args)
    bodies = load_bodies(args.corpus_dir)
    kept, skipped = compile_all(catalog)
    total = len(kept) + len(skipped)
    nbytes = sum(len(b.encode("utf-8")) for b in bodies)
    ncodepoints = sum(len(b) for b in bodies)

    print(f"# Python re vs Parley PCRE2, same patterns, same texts ({time.strftime('%Y-%m-%d %H:%M')})\n")
    print(f"- Python {sys.version.split()[0]} `re`; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    print(f"- texts: {len(bodies)} corpus bodies, {nbytes} UTF-8 bytes, {ncodepoints} code points")
    print(f"- patterns: {total} in pattern/required-pattern rules; {len(kept)} compiled by `re` and timed on both sides; "
          f"{len(skipped)} skipped\n")
    if skipped:
        print("| skipped rule | pattern # | why `re` rejects it |\n|---|---|---|")
        for rule, index, why in skipped:
            print(f"| {rule} | {index} | {why.replace('|', '/')} |")
        print()
    if not kept:
        print("nothing to compare")
        return 1

    compiled = [k["compiled"] for k in kept]
    py_samples, py_cpu = time_python(compiled, bodies, args.min_seconds)
    swift = time_swift(kept, bodies, args.min_seconds)
    py_median = statistics.median(py_samples)
    sw_median = swift["median_seconds"]

    def row(name, seconds, rounds):
        mbps = nbytes / seconds / 1e6
        per4k = seconds / ncodepoints * 4000 * 1e6
        return f"| {name} | {seconds * 1e3:.1f} | {mbps:.2f} | {per4k:.0f} | {rounds} |"

    print("| engine | ms per pass (median) | MB/s | µs per 4,000 characters | passes |\n|---|---|---|---|---|")
    print(row(f"Python {sys.version.split()[0]} re (finditer)", py_median, len(py_samples)))
    print(row(f"Parley PCRE2Regex.matches ({swift['jit_compiled']}/{swift['patterns']} JIT)", sw_median, swift["rounds"]))
    ratio = py_median / sw_median
    cpu_ratio = statistics.median(py_cpu) / swift["cpu_median_seconds"]
    verdict = "met" if ratio >= 10 else f"missed by {(1 - ratio / 10) * 100:.0f} %"
    print(f"\n**Ratio python/swift: {ratio:.1f}x** by wall clock (target ≥ 10x: {verdict}); "
          f"{cpu_ratio:.1f}x by thread CPU time (median pass: Python {statistics.median(py_cpu) * 1e3:.1f} ms, "
          f"PCRE2 {swift['cpu_median_seconds'] * 1e3:.1f} ms).\n")

    # The same patterns and texts matched as `parley lint` matches them: the literal prefilter
    # skips a pattern whose required literals a text lacks, and a pattern with few start
    # candidates is tried only there. Every match must still be found (same counts).
    matched = time_swift(kept, bodies, args.min_seconds, prefilter=True)
    lint_ratio = py_median / matched["median_seconds"]
    same = "same match counts" if matched["matches_per_pattern"] == swift["matches_per_pattern"] else \
        "MATCH COUNTS DIFFER: the prefilter lost matches"
    print(f"**As the linter matches them (prefilter + start anchoring): {lint_ratio:.1f}x** by wall clock "
          f"(Parley {matched['median_seconds'] * 1e3:.1f} ms per pass, "
          f"{statistics.median(py_cpu) / matched['cpu_median_seconds']:.1f}x by CPU; {same}). The ratio above is "
          "PCRE2 against `re` pattern by pattern, with no prefilter.\n")

    py_each = python_per_pattern(kept, bodies)
    sw_each = swift["seconds_per_pattern"]
    print(f"Each pattern alone over all bodies, summed: Python {sum(py_each) * 1e3:.1f} ms, "
          f"PCRE2 {sum(sw_each) * 1e3:.1f} ms ({sum(py_each) / sum(sw_each):.1f}x); the pass above runs them "
          "body by body, as a lint does, so each pattern's compiled code and tables are fetched again "
          "for every body.\n")
    print(f"Costliest patterns for Python (each alone over all bodies; top {args.top} of {len(kept)}):\n")
    print("| rule | pattern # | Python ms | PCRE2 ms | ratio |\n|---|---|---|---|---|")
    for k, p, s in sorted(zip(kept, py_each, sw_each), key=lambda t: -t[1])[:args.top]:
        print(f"| {k['rule']} | {k['index']} | {p * 1e3:.2f} | {s * 1e3:.3f} | {p / s:.1f}x |")
    ratios = sorted(p / s for p, s in zip(py_each, sw_each) if s > 0)
    print(f"\nPer pattern (each alone): median ratio {statistics.median(ratios):.1f}x; "
          f"{sum(r >= 10 for r in ratios)} of {len(ratios)} patterns at ≥ 10x.")
    print(f"\nCostliest patterns for PCRE2 (where the Swift side's time goes; top {args.top}):\n")
    print("| rule | pattern # | Python ms | PCRE2 ms | ratio |\n|---|---|---|---|---|")
    for k, p, s in sorted(zip(kept, py_each, sw_each), key=lambda t: -t[2])[:args.top]:
        print(f"| {k['rule']} | {k['index']} | {p * 1e3:.2f} | {s * 1e3:.3f} | {p / s:.1f}x |")
    worst = sorted(zip(kept, py_each, sw_each), key=lambda t: t[1] / t[2])[:5]
    print("\nLowest ratios (where PCRE2's lead is smallest):\n")
    print("| rule | pattern # | Python ms | PCRE2 ms | ratio |\n|---|---|---|---|---|")
    for k, p, s in worst:
        print(f"| {k['rule']} | {k['index']} | {p * 1e3:.2f} | {s * 1e3:.3f} | {p / s:.1f}x |")
    print()

    py_counts = python_counts(kept, bodies)
    sw_counts = swift["matches_per_pattern"]
    print(f"Matches: Python {sum(py_counts)}, PCRE2 {swift['matches']}.")
    differing = [(k, p, s) for k, p, s in zip(kept, py_counts, sw_counts) if p != s]
    if differing:
        print(f"Patterns on which the engines disagree ({len(differing)}):\n")
        print("| rule | pattern # | Python matches | PCRE2 matches |\n|---|---|---|---|")
        for k, p, s in differing:
            print(f"| {k['rule']} | {k['index']} | {p} | {s} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
