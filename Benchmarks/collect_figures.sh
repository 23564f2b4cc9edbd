#!/usr/bin/env bash
# Every figure of Benchmarks/README.md in one go, as Markdown on stdout:
#   Benchmarks/collect_figures.sh | tee /tmp/figures.md
# rules/ and corpus/ are copied first and every step reads the copy (PARLEY_BENCH_RULES_DIR,
# PARLEY_BENCH_CORPUS_DIR), so one run measures one version of the pack even while it is being
# edited. The ordo-one harness is run separately; its tables are for baselines and percentiles.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$root/.build-bench"
cd "$root"

echo "building parley and LintBenchmarks (release, .build-bench) ..." >&2
ENABLE_PARLEY_BENCHMARKS=1 swift build -c release --scratch-path "$scratch" --product parley >/dev/null
ENABLE_PARLEY_BENCHMARKS=1 swift build -c release --scratch-path "$scratch" --product LintBenchmarks >/dev/null

snapshot="$(mktemp -d)"
trap 'rm -rf "$snapshot"' EXIT
cp -R rules "$snapshot/rules"
cp -R corpus "$snapshot/corpus"
export PARLEY_BENCH_RULES_DIR="$snapshot/rules" PARLEY_BENCH_CORPUS_DIR="$snapshot/corpus"
pack_hash="$(cd "$snapshot" && find rules corpus -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-12)"
dirty="$(git status --porcelain -- rules corpus Sources 2>/dev/null | wc -l | tr -d ' ')"

echo "# Parley lint figures, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(swift --version 2>/dev/null | head -1)"
echo "- code: commit $(git rev-parse --short HEAD 2>/dev/null || echo none), $dirty uncommitted file(s) in rules/ corpus/ Sources/; rules+corpus snapshot sha256 $pack_hash ($(ls "$snapshot"/rules/*.yaml | wc -l) rule files, $(ls "$snapshot"/corpus/*.yaml | wc -l) corpus files)"
echo
PARLEY_BENCH_MODE=summary "$scratch/release/LintBenchmarks"
echo
python3 Benchmarks/python_re_baseline.py --no-build
echo
echo "## Whole process"
echo
NO_BUILD=1 Benchmarks/process_lint.sh
echo
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
