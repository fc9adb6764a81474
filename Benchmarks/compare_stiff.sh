#!/usr/bin/env bash
# One command for the stiff comparison: runs `receptor-bench stiff` (release build) and the
# peers (CVODE -O2 and SciPy BDF by default; every peer with --all-peers) on the same problems and
# tolerances, keeps the raw CSVs, and prints a side-by-side Markdown table with time ratios.
#
# Usage: Benchmarks/compare_stiff.sh [--problem NAME] [--rtol X] [--all-peers] [--runs N] [--out DIR]
#   --problem, --rtol  passed to both sides
#   --all-peers        also run cvode-dq, scipy-radau and scipy-lsoda (shown in the raw CSV)
#   --runs N           run both sides N times, alternating, and keep per row the fastest of the
#                      N medians (peers/merge_runs.py): steadier on a shared, busy machine
#   --out DIR          where the CSVs go (default Benchmarks/peers/build/results)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/peers/build/results"
common=() all_peers=0 runs=1
while [ $# -gt 0 ]; do
    case "$1" in
        --problem|--rtol)
            [ $# -ge 2 ] || { echo "compare_stiff: $1 needs a value" >&2; exit 2; }
            common+=("$1" "$2"); shift 2 ;;
        --all-peers) all_peers=1; shift ;;
        --runs)
            [ $# -ge 2 ] && [ "$2" -ge 1 ] 2>/dev/null || { echo "compare_stiff: --runs needs a count >= 1" >&2; exit 2; }
            runs="$2"; shift 2 ;;
        --out)
            [ $# -ge 2 ] || { echo "compare_stiff: --out needs a value" >&2; exit 2; }
            out="$2"; shift 2 ;;
        -h|--help) sed -n '/^# Usage:/,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
        *) echo "compare_stiff: unknown option '$1'" >&2; exit 2 ;;
    esac
done
mkdir -p "$out"
rm -f "$out"/receptorsim.[0-9]*.csv "$out"/receptorsim.[0-9]*.log "$out"/peers.[0-9]*.csv "$out"/peers.[0-9]*.log

echo "compare_stiff: building receptor-bench (release)" >&2
(cd "$root" && swift build -c release --product receptor-bench >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/receptor-bench"

for run in $(seq 1 "$runs"); do
    echo "compare_stiff: run $run of $runs: receptor-bench stiff" >&2
    "$bin" stiff --verbose "${common[@]}" > "$out/receptorsim.$run.csv" 2> "$out/receptorsim.$run.log"
    grep -v ' repeats' "$out/receptorsim.$run.log" >&2 || true

    echo "compare_stiff: run $run of $runs: peers" >&2
    if [ "$all_peers" -eq 1 ]; then
        "$here/peers/run_peers.sh" --verbose "${common[@]}" > "$out/peers.$run.csv" 2> "$out/peers.$run.log"
    else
        "$here/peers/run_peers.sh" --verbose "${common[@]}" --method cvode \
            > "$out/peers.$run.csv" 2> "$out/peers.$run.log"
        "$here/peers/run_peers.sh" --verbose "${common[@]}" --method scipy-bdf 2>> "$out/peers.$run.log" \
            | tail -n +2 >> "$out/peers.$run.csv"
    fi
    grep -vE ' repeats|^setup_peers|^scipy_stiff: scipy ' "$out/peers.$run.log" >&2 || true
done
python3 "$here/peers/merge_runs.py" "$out/receptorsim.csv" "$out"/receptorsim.[0-9]*.csv
python3 "$here/peers/merge_runs.py" "$out/peers.csv" "$out"/peers.[0-9]*.csv
cp "$out/receptorsim.1.log" "$out/receptorsim.log"
cp "$out/peers.1.log" "$out/peers.log"

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Runs: $runs (per row the fastest of the runs' medians)"
echo "CSV: $out/receptorsim.csv, $out/peers.csv (per-run CSVs and --verbose logs beside them;"
echo "    peers/csv_table.py CSV LOG renders either as a full Markdown table)"
echo
python3 "$here/peers/compare_table.py" "$out/receptorsim.csv" "$out/peers.csv" --peer cvode --peer scipy-bdf
