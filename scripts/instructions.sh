#!/usr/bin/env bash
# Instruction counts of one parse against the floor (issue 6), with callgrind: repeatable where
# wall-clock time on a shared or virtual machine is not.
#
#   scripts/instructions.sh [INPUT...]
#
# INPUT is a file, or one of the benchmarks' generated inputs (@text, @html, @gbk,
# @html-paras10, @html-table10). Without arguments: @html, @gbk, @html-paras10, @html-table10,
# the HTML fixtures, and the State Council pages in ../shared/corpus/govcn when they are there.
#
# One parse costs (instructions of 6 parses − instructions of 1) / 5, so that start-up and the
# first parse's one-time work (compiling the regexes) are not counted; the same for the floor
# (decoding + scraper's Html::parse_document + a walk over the text). ratio = floor / ours, the
# share of the floor's throughput the parser reaches; the target is ≥ 0.70.
#
# Needs: cargo, valgrind (apt-get install -y valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 1; }
cargo build --release --quiet -p gongwen-parse --example parse_repeat
BIN=${CARGO_TARGET_DIR:-target}/release/examples/parse_repeat

inputs=("$@")
if ((${#inputs[@]} == 0)); then
  inputs=(@html @gbk @html-paras10 @html-table10 fixtures/html/*.html)
  for f in ../shared/corpus/govcn/*.html; do
    [[ -f $f ]] && inputs+=("$f")
  done
fi

# Instructions of COUNT runs of INPUT [floor].
refs() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$@" 2>&1 |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

printf '%-34s %10s %12s %12s %7s\n' "input" "bytes" "ours (M)" "floor (M)" "ratio"
for input in "${inputs[@]}"; do
  if [[ $input == @* ]]; then bytes=-; else bytes=$(wc -c <"$input"); fi
  ours=$(( $(refs "$input" 6) - $(refs "$input" 1) ))
  if [[ $input == @text ]]; then
    awk -v i="$input" -v b="$bytes" -v o="$ours" 'BEGIN { printf "%-34s %10s %12.2f %12s %7s\n", i, b, o / 5e6, "-", "-" }'
    continue
  fi
  floor=$(( $(refs "$input" 6 floor) - $(refs "$input" 1 floor) ))
  awk -v i="$(basename "$input")" -v b="$bytes" -v o="$ours" -v f="$floor" \
    'BEGIN { printf "%-34s %10s %12.2f %12.2f %7.3f\n", i, b, o / 5e6, f / 5e6, f / o }'
done
