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
# `scripts/instructions.sh --scaling` instead counts instructions per byte of the generated
# inputs at 1×, 10× and 100× (the seed's table repeated, the page's paragraphs repeated), against
# the 1× input of each family: the linearity target (≤ 1.2) in counts that do not depend on the
# machine's caches, where the wall-clock per-byte ratios of `cargo bench --bench scaling` do.
#
# Needs: cargo, valgrind (apt-get install -y valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)" >&2; exit 1; }
cargo build --release --quiet -p gongwen-parse --example parse_repeat
BIN=${CARGO_TARGET_DIR:-target}/release/examples/parse_repeat

# Instructions of COUNT runs of INPUT [floor].
refs() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$@" 2>&1 |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

if [[ ${1:-} == --scaling ]]; then
  printf '%-18s %10s %12s %10s %12s %12s\n' "input" "bytes" "ours (M)" "per byte" "per-byte/1×" "floor p-b/1×"
  for family in text-table html-paras html-table; do
    base= floor_base=
    for n in 1 10 100; do
      case $family$n in
        text-table1) input=@text ;;
        html-paras1 | html-table1) input=@html ;;
        *) input=@$family$n ;;
      esac
      bytes=$("$BIN" "$input" dump | wc -c)
      # Fewer parses of the larger inputs: the difference of two counts is one parse's either way.
      if ((n == 100)); then runs=2; else runs=6; fi
      ours=$(( ($(refs "$input" "$runs") - $(refs "$input" 1)) / (runs - 1) ))
      per=$(awk -v o="$ours" -v b="$bytes" 'BEGIN { printf "%.2f", o / b }')
      base=${base:-$per}
      # The floor's own per-byte growth on the same pages: what the markup costs html5ever.
      floor=-
      if [[ $family == html-* ]]; then
        floor=$(( ($(refs "$input" "$runs" floor) - $(refs "$input" 1 floor)) / (runs - 1) ))
        floor=$(awk -v f="$floor" -v b="$bytes" 'BEGIN { printf "%.2f", f / b }')
        floor_base=${floor_base:-$floor}
        floor=$(awk -v f="$floor" -v z="$floor_base" 'BEGIN { printf "%.2f", f / z }')
      fi
      awk -v i="$family ×$n" -v b="$bytes" -v o="$ours" -v p="$per" -v z="$base" -v f="$floor" \
        'BEGIN { printf "%-18s %10d %12.2f %10.2f %12.2f %12s\n", i, b, o / 1e6, p, p / z, f }'
    done
  done
  exit 0
fi

inputs=("$@")
if ((${#inputs[@]} == 0)); then
  inputs=(@html @gbk @html-paras10 @html-table10 fixtures/html/*.html)
  for f in ../shared/corpus/govcn/*.html; do
    [[ -f $f ]] && inputs+=("$f")
  done
fi

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
