#!/usr/bin/env bash
# Whole-process `parley lint` of one short draft, release build, with hyperfine
# (apt-get install -y hyperfine). Target: ≤ 50 ms mean.
#
#   Benchmarks/process_lint.sh            # builds parley (release) into .build-bench, then measures
#   NO_BUILD=1 RUNS=50 Benchmarks/process_lint.sh
#
# The binary finds rules/ by walking up from itself to Package.swift, as an installed checkout does.
# Two commands are timed: `parley --version` (process start-up: dynamic loading, Foundation,
# ArgumentParser; no rules) and `parley lint draft.txt` (start-up, loading the pack with every
# example verified, as every `parley lint` does, and the lint itself).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$root/.build-bench"
runs="${RUNS:-30}"
cd "$root"

if [[ -z "${NO_BUILD:-}" ]]; then
    # Same binary as the README's `swift build -c release --static-swift-stdlib`; the separate
    # scratch folder keeps the benchmark dependency graph (ENABLE_PARLEY_BENCHMARKS) out of the
    # everyday .build.
    ENABLE_PARLEY_BENCHMARKS=1 swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product parley >/dev/null
fi
parley="$scratch/release/parley"
# PARLEY_BENCH_RULES_DIR (set by collect_figures.sh) lints with a frozen copy of rules/.
rules_args=()
[[ -n "${PARLEY_BENCH_RULES_DIR:-}" ]] && rules_args=(--rules "$PARLEY_BENCH_RULES_DIR")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/draft.txt" <<'EOF'
Hi Dana,

Thanks for your message. Your replacement left our warehouse this morning with Royal Mail Tracked 48, and the tracking number is RX482910375GB. It should reach you by Thursday.

If it has not arrived by Friday, just reply to this message and we will sort it out.

Kind regards,
Philippa
EOF

status=0
"$parley" lint "${rules_args[@]}" "$work/draft.txt" >"$work/out.txt" 2>&1 || status=$?
echo "draft: $(wc -m <"$work/draft.txt") characters; parley lint exit status $status"
[[ $status -le 1 ]] || { cat "$work/out.txt"; exit 1; }
[[ $status -eq 0 ]] || { echo "note: the short draft is flagged now (exit 1):"; cat "$work/out.txt"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"

hyperfine --shell=none --warmup 3 --runs "$runs" --ignore-failure \
    --export-markdown "$work/results.md" \
    -n "parley --version" "$parley --version" \
    -n "parley lint (short draft)" "$parley lint ${rules_args[*]} $work/draft.txt"
echo
cat "$work/results.md"
