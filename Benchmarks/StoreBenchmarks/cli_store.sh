#!/usr/bin/env bash
# The real CLI end to end on the 1M-message export, release build:
#   parley import FILE --db DB      /usr/bin/time -v: wall clock, CPU, maximum resident set
#   parley metrics --db DB --as-of  hyperfine (wall) + /usr/bin/time -v (maximum resident set)
#   parley inbox   --db DB --as-of  the same
#
#   python3 Benchmarks/generate_jsonl.py                  # once: /tmp/parley-1m.jsonl
#   Benchmarks/StoreBenchmarks/cli_store.sh                # builds parley into .build-bench, then measures
#   NO_BUILD=1 RUNS=20 Benchmarks/StoreBenchmarks/cli_store.sh
#   NO_IMPORT=1 ...                                        # reuse the store of the last run
#   REIMPORT=1 ...                                         # also time importing the same file again (all duplicates)
#
# PARLEY_BENCH_JSONL (default /tmp/parley-1m.jsonl), PARLEY_BENCH_CLI_DB (default /tmp/bench.sqlite,
# deleted first unless NO_IMPORT) and PARLEY_BENCH_AS_OF (default 2026-11-25T00:00:00Z, the
# generator's --end) choose the data. Targets: import ≤ 60 s, metrics ≤ 1 s, inbox ≤ 50 ms.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scratch="$root/.build-bench"
jsonl="${PARLEY_BENCH_JSONL:-/tmp/parley-1m.jsonl}"
db="${PARLEY_BENCH_CLI_DB:-/tmp/bench.sqlite}"
as_of="${PARLEY_BENCH_AS_OF:-2026-11-25T00:00:00Z}"
runs="${RUNS:-10}"
cd "$root"

[[ -f "$jsonl" ]] || { echo "$jsonl does not exist: run python3 Benchmarks/generate_jsonl.py $jsonl" >&2; exit 2; }
if [[ -z "${NO_BUILD:-}" ]]; then
    # The same binary as `swift build -c release`, in the benchmark scratch folder.
    ENABLE_PARLEY_BENCHMARKS=1 swift build -c release --scratch-path "$scratch" --product parley >/dev/null
fi
parley="$scratch/release/parley"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs one command under /usr/bin/time -v; prints a Markdown row: wall, user+sys CPU, max RSS, exit status.
timed() {
    local name="$1"
    shift
    local status=0
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || status=$?
    local wall user sys rss
    wall="$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")"
    user="$(sed -n 's/^\s*User time (seconds): //p' "$work/time.txt")"
    sys="$(sed -n 's/^\s*System time (seconds): //p' "$work/time.txt")"
    rss="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$work/time.txt")"
    printf '| `%s` | %s | %.2f s | %d MB | %s | %s |\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
        "$status" "$(wc -c <"$work/out.txt" | tr -d ' ') bytes out, $(wc -l <"$work/err.txt" | tr -d ' ') lines on stderr"
}

echo "## parley end to end ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "\`$jsonl\`: $(wc -l <"$jsonl" | tr -d ' ') lines, $(($(stat -c %s "$jsonl") / 1048576)) MB; store \`$db\`; as of $as_of."
echo
echo "| command | wall (m:ss) | CPU (user+sys) | max RSS | exit | output |"
echo "|---|---|---|---|---|---|"
if [[ -z "${NO_IMPORT:-}" ]]; then
    rm -f "$db" "$db-wal" "$db-shm" "$db.lock"
    timed "parley import $(basename "$jsonl") --db $(basename "$db")" "$parley" import "$jsonl" --db "$db"
    cp "$work/out.txt" "$work/import-summary.txt"
fi
if [[ -n "${REIMPORT:-}" ]]; then
    timed "parley import (again: all duplicates)" "$parley" import "$jsonl" --db "$db"
fi
timed "parley metrics --as-of …" "$parley" metrics --db "$db" --as-of "$as_of"
cp "$work/out.txt" "$work/metrics.txt"
timed "parley inbox --as-of … (50 most urgent)" "$parley" inbox --db "$db" --as-of "$as_of"
timed "parley inbox --as-of … --all" "$parley" inbox --db "$db" --as-of "$as_of" --all
inbox_lines="$(wc -l <"$work/out.txt" | tr -d ' ')"
timed "parley inbox --as-of … --format json" "$parley" inbox --db "$db" --as-of "$as_of" --format json
timed "parley inbox --as-of … --all --format json" "$parley" inbox --db "$db" --as-of "$as_of" --all --format json
timed "parley --version (start-up)" "$parley" --version
echo
echo "Store on disk: $(($(stat -c %s "$db") / 1048576)) MB (WAL $(($(stat -c %s "$db-wal" 2>/dev/null || echo 0) / 1048576)) MB); inbox text output: $inbox_lines lines."
if [[ -f "$work/import-summary.txt" ]]; then
    echo
    echo '```'
    tail -n 5 "$work/import-summary.txt"
    echo '```'
fi
echo
echo '```'
head -n 12 "$work/metrics.txt"
echo '```'
echo
hyperfine --shell=none --warmup 1 --runs "$runs" --export-markdown "$work/hyperfine.md" \
    -n "parley metrics" "$parley metrics --db $db --as-of $as_of" \
    -n "parley inbox" "$parley inbox --db $db --as-of $as_of" \
    -n "parley inbox --all" "$parley inbox --db $db --as-of $as_of --all" \
    -n "parley --version" "$parley --version" >&2
cat "$work/hyperfine.md"
echo
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
