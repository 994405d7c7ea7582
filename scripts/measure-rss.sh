#!/usr/bin/env bash
# Throughput (MB/s) and peak RSS of `kazfacts extract` on a JSONL dump, with 1 and 2 threads.
# Output goes to /dev/null; the dump is read from disk (run it twice to measure a warm cache).
#
#   scripts/measure-rss.sh DUMP.jsonl [THREADS...]     (default threads: 1 2)
set -euo pipefail
if [ $# -lt 1 ]; then
    echo "usage: $0 DUMP.jsonl [THREADS...]" >&2
    exit 2
fi
dump=$1
shift
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
cd "$(dirname "$0")/.." && root=$PWD && cd - > /dev/null
bin=${KAZFACTS:-$root/target/release/kazfacts}
[ -x "$bin" ] || (cd "$root" && cargo build --release --quiet)
bytes=$(stat -c %s "$dump")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%-8s %10s %10s %12s  %s\n' threads seconds MB/s peak_RSS_MB summary
for n in "${threads[@]}"; do
    /usr/bin/time -v "$bin" extract --threads "$n" "$dump" > /dev/null 2> "$log" || true
    elapsed=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$log")
    seconds=$(echo "$elapsed" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    summary=$(grep '^kazfacts: extract' "$log" || true)
    awk -v n="$n" -v s="$seconds" -v b="$bytes" -v r="$rss_kb" -v sum="$summary" \
        'BEGIN { printf "%-8s %10.2f %10.1f %12.1f  %s\n", n, s, b / 1e6 / s, r / 1024, sum }'
done
