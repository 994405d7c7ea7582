#!/usr/bin/env bash
# Builds a large JSONL dump for throughput and memory measurements by repeating the given
# articles (any input form kazfacts reads) with fresh ids until the dump reaches SIZE_MB.
#
#   scripts/gen-dump.sh OUT.jsonl SIZE_MB ARTICLE_PATH...
#   scripts/gen-dump.sh /tmp/dump.jsonl 500 corpus/articles
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 OUT.jsonl SIZE_MB ARTICLE_PATH..." >&2
    exit 2
fi
out=$1
size_mb=$2
shift 2
cd "$(dirname "$0")/.." && root=$PWD && cd - > /dev/null
bin=${KAZFACTS:-$root/target/release/kazfacts}
[ -x "$bin" ] || (cd "$root" && cargo build --release --quiet)

template=$(mktemp)
trap 'rm -f "$template"' EXIT
"$bin" convert --quiet "$@" > "$template"
template_bytes=$(stat -c %s "$template")
if [ "$template_bytes" -eq 0 ]; then
    echo "$0: no article read from $*" >&2
    exit 1
fi
# `convert` writes the id first: each copy gets fresh ids; stop once the dump is big enough.
LC_ALL=C awk -v target="$((size_mb * 1000000))" '
    { lines[NR] = $0 }
    END {
        for (c = 0; total < target; c++)
            for (i = 1; i <= NR; i++) {
                line = lines[i]
                sub(/^\{"id":"([^"\\]|\\.)*"/, "{\"id\":\"dump-" c "-" i "\"", line)
                print line
                total += length(line) + 1
            }
        copies = c
        printf "%d copies of %d article(s)\n", copies, NR > "/dev/stderr"
    }' "$template" > "$out"
echo "$out: $(stat -c %s "$out") bytes" >&2
