#!/usr/bin/env bash
# Throughput of `kazfacts extract` (issue 6): builds a JSONL dump of SIZE_MB from the corpus
# with fresh ids, then runs `extract` and the `--no-extract` baseline (read, parse, write
# records without rules) with each thread count, output to /dev/null, and prints MB/s,
# articles/s, peak RSS and CPU use (`/usr/bin/time -v`). A warm-up read puts the dump in the
# page cache first. See docs/performance.md.
#
#   scripts/throughput.sh [SIZE_MB] [THREADS...]       (defaults: 1000, threads 1 2)
#   DUMP=/tmp/d.jsonl scripts/throughput.sh 100 1 2    (keep and reuse the dump)
#   MODES=no-extract scripts/throughput.sh 1000         (only the baseline)
set -euo pipefail
size_mb=${1:-1000}
[ $# -gt 0 ] && shift
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
cd "$(dirname "$0")/.." && root=$PWD && cd - > /dev/null
bin=${KAZFACTS:-$root/target/release/kazfacts}
(cd "$root" && cargo build --release --quiet)

dump=${DUMP:-}
log=$(mktemp)
cleanup=("$log")
if [ -z "$dump" ]; then
    dump=$(mktemp --suffix=.jsonl)
    cleanup+=("$dump")
fi
trap 'rm -f "${cleanup[@]}"' EXIT
if [ ! -s "$dump" ] || [ "$(stat -c %s "$dump")" -lt $((size_mb * 1000000)) ]; then
    KAZFACTS=$bin "$root/scripts/gen-dump.sh" "$dump" "$size_mb" "$root/corpus/articles"
fi
bytes=$(stat -c %s "$dump")
articles=$(wc -l < "$dump")
cat "$dump" > /dev/null

echo "dump: $bytes bytes, $articles articles; $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %7s %9s %9s %11s %11s %6s\n' mode threads seconds MB/s articles/s peak_RSS_MB CPU%
for mode in ${MODES:-extract no-extract}; do
    flags=()
    [ "$mode" = no-extract ] && flags=(--no-extract)
    for n in "${threads[@]}"; do
        /usr/bin/time -v "$bin" extract --quiet --threads "$n" "${flags[@]}" "$dump" \
            > /dev/null 2> "$log" || true
        elapsed=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$log")
        seconds=$(echo "$elapsed" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
        rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
        cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$log")
        awk -v m="$mode" -v n="$n" -v s="$seconds" -v b="$bytes" -v a="$articles" \
            -v r="$rss_kb" -v c="$cpu" 'BEGIN {
                printf "%-12s %7s %9.2f %9.1f %11.0f %11.1f %6s\n",
                    m, n, s, b / 1e6 / s, a / s, r / 1024, c }'
    done
done
