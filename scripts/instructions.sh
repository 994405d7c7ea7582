#!/usr/bin/env bash
# Deterministic cost of each stage (issue 6): instructions counted by callgrind while
# `kazfacts extract --threads 1` reads a 1 MB dump of the corpus. Unlike wall-clock time the
# counts do not depend on what else runs on the machine, so before/after comparisons of an
# optimisation hold on a busy machine. Prints the whole run and the inclusive count of each
# stage entry point, in millions of instructions per MB of input (startup included in the
# total only). Needs valgrind. See docs/performance.md.
#
#   scripts/instructions.sh                 (stages of the quick-profile binary)
#   PATTERN='PersonRules' scripts/instructions.sh   (any functions matching a grep pattern)
set -euo pipefail
cd "$(dirname "$0")/.." && root=$PWD && cd - > /dev/null
# The `quick` profile (no LTO): the release build's fat LTO inlines the stages into their
# callers, so their counts would not show; quick counts run ~4 % above release.
bin=${KAZFACTS:-$root/target/quick/kazfacts}
(cd "$root" && cargo build --profile quick --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
KAZFACTS=$bin "$root/scripts/gen-dump.sh" "$work/dump.jsonl" 1 "$root/corpus/articles" > /dev/null 2>&1
mb=$(awk -v b="$(stat -c %s "$work/dump.jsonl")" 'BEGIN { print b / 1e6 }')
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
    "$bin" extract --threads 1 --quiet "$work/dump.jsonl" > /dev/null 2> "$work/log"
stages='Extractor::new$|Raw::parse$|Text::new$|NumberRules::find$|DateRules::find_with$|TimeRules::find_with$'
stages+='|Rules::find$|Scanner::new$|KnownNames::find$|Candidates::new$|AbbreviationLinker::link$'
stages+='|resolve_in_place$|write_article$|EntityExtractor::extract$|NumericExtractor::extract$'
pattern=${PATTERN:-$stages}
echo "input: $mb MB; million instructions per MB (inclusive)"
callgrind_annotate --inclusive=yes --auto=no --threshold=99.9 "$work/cg.out" 2> /dev/null |
    sed -nE 's/^ *([0-9,]+) \([ 0-9.%]+\) +(.*)$/\1\t\2/p' |
    sed -E 's/ \[[^]]*\]$//; s/\t[^\t]*\.(rs|S|c):/\t/' |
    awk -F'\t' -v mb="$mb" -v pat="$pattern" '
        { gsub(",", "", $1) }
        NR == 1 { printf "%-40s %8.1f\n", "whole run (with startup)", $1 / 1e6 / mb }
        $2 ~ pat && !seen[$2]++ {
            n = split($2, part, "::")
            printf "%-40s %8.1f\n", part[n - 1] "::" part[n], $1 / 1e6 / mb
        }'
