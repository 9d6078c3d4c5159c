#!/usr/bin/env bash
# Times the batch CLI and measures peak memory (issue 6).
#
#   scripts/bench.sh [COPIES]        # COPIES documents in the folder, default 400
#
# 1. builds `gongwen` in release mode;
# 2. generates, in a temporary folder, COPIES variants of the seed notice: UTF-8 text, GB18030
#    text and HTML pages (each with its own 发文字号 and date), plus the seed with its task table
#    repeated 100× (the ×100 notice) and an HTML page with 100× the paragraphs;
# 3. times `gongwen convert DIR -o OUT --to json` and `gongwen check DIR` on all cores and with
#    RAYON_NUM_THREADS=1, with hyperfine when installed (else best of 3 wall-clock runs), and
#    one file a run (the seed's text and page, and the State Council pages in
#    ../shared/corpus/govcn when they are there; ONE_FILE_RUNS runs each, default 40);
# 4. reports peak memory (`/usr/bin/time -v`, "Maximum resident set size") of the batch runs and
#    of converting the ×1 and ×100 notices, against the target: peak < 10 × input + a small
#    constant (the same reader's run on the seed, ×1).
#
# Needs: cargo, awk, iconv (for the GB18030 variants; skipped without it), optionally hyperfine
# (`apt-get install -y hyperfine`) and GNU time (`apt-get install -y time`).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
COPIES=${1:-400}
RUNS=${BENCH_RUNS:-5}

cargo build --release -p gongwen-cli --quiet
# GONGWEN_BIN times another build (an older one, side by side) instead of the one just built.
BIN=${GONGWEN_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/gongwen}
SEED=$ROOT/seeds/cq-2021-19.txt
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
IN=$WORK/in
OUT=$WORK/out
mkdir -p "$IN/text" "$IN/gb18030" "$IN/html" "$OUT"

# The seed with its task table (from the first tab line on) repeated N times, numbers continued.
table_times() { # N
  awk -v n="$1" '
    { line[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) if (line[i] ~ /^\t/) break
      first = i
      for (h = first; h <= NR && line[h] ~ /^\t/; h++) ;
      per = 0
      for (i = h; i <= NR; i++) if (line[i] ~ /^\t[0-9]+$/) { v = substr(line[i], 2) + 0; if (v > per) per = v }
      for (i = 1; i < h; i++) { l = line[i]; sub(/86项/, (per * n) "项", l); print l }
      for (c = 0; c < n; c++)
        for (i = h; i <= NR; i++)
          if (line[i] ~ /^\t[0-9]+$/) print "\t" (substr(line[i], 2) + c * per)
          else print line[i]
    }' "$SEED"
}

# The seed with the enclosed plan's prose (为认真贯彻落实… up to 附件：…) repeated N times.
paragraphs_times() { # N
  awk -v n="$1" '
    { line[NR] = $0 }
    END {
      s = 1; e = NR + 1
      for (i = 1; i <= NR; i++) if (line[i] ~ /^为认真贯彻落实/) { s = i; break }
      for (i = 1; i <= NR; i++) if (line[i] ~ /^附件：/) { e = i; break }
      for (i = 1; i < s; i++) print line[i]
      for (c = 0; c < n; c++) for (i = s; i < e; i++) print line[i]
      for (i = e; i <= NR; i++) print line[i]
    }' "$SEED"
}

# A text notice (stdin) as a government web page: <p> paragraphs, the tab table as a <table>
# whose one-cell group rows span every column, inside navigation, metadata and a footer.
to_html() {
  awk '
    function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
    function flush(  i) {
      if (nc > width) width = nc
      printf "<tr>"
      if (nc == 1 && width > 1) printf "<td colspan=\"%d\"><p><span>%s</span></p></td>", width, esc(cell[1])
      else for (i = 1; i <= nc; i++) printf "<td><p><span>%s</span></p></td>", esc(cell[i])
      print "</tr>"
      nc = 0
    }
    BEGIN {
      print "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      print "<title>重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知_重庆市人民政府网</title>"
      print "<meta name=\"ArticleTitle\" content=\"重庆市人民政府关于印发重庆市服务业扩大开放综合试点工作方案的通知\">"
      print "<link rel=\"stylesheet\" href=\"/css/common.css\"><script src=\"/js/jquery.min.js\"></script></head><body>"
      printf "<div class=\"header\"><img src=\"/logo.png\" alt=\"重庆市人民政府\"></div><div class=\"nav\"><ul>"
      for (k = 1; k <= 12; k++) printf "<li><a href=\"/zwgk/col%d/\">栏目%d</a></li>", k, k
      print "</ul></div><div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; 政府文件</div>"
      print "<div class=\"main\"><div class=\"zwxl-article\"><div class=\"view TRS_UEDITOR\">"
    }
    /^\t/ { if (!intable) { print "<table border=\"1\"><tbody>"; intable = 1 } cell[++nc] = substr($0, 2); next }
    /^[ \t\r]*$/ { if (nc) flush(); next }
    {
      if (nc) flush()
      if (intable) { print "</tbody></table>"; intable = 0 }
      print "<p style=\"text-indent: 2em;\">" esc($0) "</p>"
    }
    END {
      if (nc) flush()
      if (intable) print "</tbody></table>"
      print "</div></div></div><div class=\"footer\"><p>主办：重庆市人民政府办公厅</p><p>渝ICP备05003300号</p></div>"
      print "<script>var _hmt = _hmt || [];</script></body></html>"
    }'
}

echo "generating $COPIES documents in $IN"
for ((i = 1; i <= COPIES; i++)); do
  variant=$(sed -e "s/渝府发〔2021〕19号/渝府发〔2021〕$((i % 900 + 1))号/" -e "s/2021年8月4日/2021年$((i % 12 + 1))月$((i % 28 + 1))日/" "$SEED")
  case $((i % 3)) in
    0) printf '%s\n' "$variant" >"$IN/text/notice-$i.txt" ;;
    1) if command -v iconv >/dev/null; then
         printf '%s\n' "$variant" | iconv -f UTF-8 -t GB18030 >"$IN/gb18030/notice-$i.txt"
       else
         printf '%s\n' "$variant" >"$IN/text/notice-$i.txt"
       fi ;;
    2) printf '%s\n' "$variant" | to_html >"$IN/html/notice-$i.html" ;;
  esac
done
table_times 1 >"$WORK/x1.txt"
table_times 100 >"$WORK/x100.txt"
paragraphs_times 100 | to_html >"$WORK/x100-paragraphs.html"
to_html <"$SEED" >"$WORK/x1.html"
IN_BYTES=$(du -sb "$IN" | cut -f1)
echo "folder: $(find "$IN" -type f | wc -l) files, $IN_BYTES bytes"

echo
echo "== machine"
echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

CONVERT="$BIN convert $IN -o $OUT --to json -q"
CHECK="$BIN check $IN"

echo
echo "== batch timing"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" --style basic --export-markdown "$WORK/hyperfine.md" \
    -n "convert --to json, all cores" "$CONVERT" \
    -n "convert --to json, RAYON_NUM_THREADS=1" "RAYON_NUM_THREADS=1 $CONVERT" \
    -n "check, all cores" "$CHECK >/dev/null" \
    -n "check, RAYON_NUM_THREADS=1" "RAYON_NUM_THREADS=1 $CHECK >/dev/null"
  echo
  cat "$WORK/hyperfine.md"
else
  echo "(hyperfine not installed; best of 3 wall-clock runs)"
  best_of_3() { # label command…
    local label=$1 best="" t0 t1 t
    shift
    for _ in 1 2 3; do
      t0=$(date +%s.%N)
      "$@" >/dev/null 2>&1 || true
      t1=$(date +%s.%N)
      t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
      if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    printf '%-42s %8s s\n' "$label" "$best"
  }
  best_of_3 "convert --to json, all cores" $CONVERT
  best_of_3 "convert --to json, RAYON_NUM_THREADS=1" env RAYON_NUM_THREADS=1 $CONVERT
  best_of_3 "check, all cores" $CHECK
  best_of_3 "check, RAYON_NUM_THREADS=1" env RAYON_NUM_THREADS=1 $CHECK
fi

# One file a run, as a user converts a notice at the prompt or a script calls the binary once a
# page: the start-up and the one-time work of a process (what a batch pays once) are in every
# run. `--version` is the start-up alone.
echo
echo "== one file a run (${ONE_FILE_RUNS:=40} runs each; wall-clock and CPU per run)"
one_file() { # label command…
  local label=$1 TIMEFORMAT='%3R %3U %3S' times
  shift
  # bash's `time` of the loop: wall-clock, user and system seconds of all its runs.
  times=$({ time for ((i = 0; i < ONE_FILE_RUNS; i++)); do "$@" >/dev/null 2>&1 || true; done; } 2>&1)
  awk -v l="$label" -v t="$times" -v n="$ONE_FILE_RUNS" 'BEGIN {
    split(t, x, " "); printf "%-44s %8.2f ms wall %8.2f ms CPU\n", l, x[1] * 1000 / n, (x[2] + x[3]) * 1000 / n }'
}
one_file "gongwen --version (start-up alone)" "$BIN" --version
one_file "convert x1.txt --to json" "$BIN" convert "$WORK/x1.txt" -o "$OUT/one.json" -q
one_file "convert x1.html --to json" "$BIN" convert "$WORK/x1.html" -o "$OUT/one.json" -q
for page in "$ROOT"/../shared/corpus/govcn/*.html; do
  [[ -f $page ]] || continue
  one_file "convert $(basename "$page") --to json" "$BIN" convert "$page" -o "$OUT/one.json" -q
done

echo
echo "== gongwen's own summary lines"
$CONVERT 2>&1 >/dev/null | tail -1
RAYON_NUM_THREADS=1 $CONVERT 2>&1 >/dev/null | tail -1
$CHECK 2>/dev/null | tail -1

# Peak resident set size in KiB of a command, or empty when GNU time is missing.
peak_kib() {
  if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
  fi
}

echo
echo "== peak memory (/usr/bin/time -v)"
if [[ -z $(peak_kib true) ]]; then
  echo "GNU time is not installed (apt-get install -y time); skipping peak memory"
  exit 0
fi
printf '%-44s %12s %12s %10s\n' "run" "input bytes" "peak KiB" "peak/input"
LAST_KIB=0
report() { # label input-bytes command… — prints one row and sets LAST_KIB
  local label=$1 bytes=$2
  shift 2
  LAST_KIB=$(peak_kib "$@")
  printf '%-44s %12d %12d %10.1f\n' "$label" "$bytes" "$LAST_KIB" "$(awk -v k="$LAST_KIB" -v b="$bytes" 'BEGIN { print k * 1024 / b }')"
}
report "batch convert, all cores" "$IN_BYTES" $CONVERT
report "batch convert, 1 thread" "$IN_BYTES" env RAYON_NUM_THREADS=1 $CONVERT
report "batch check, all cores" "$IN_BYTES" $CHECK
# What a run costs with next to no input (a notice of the seed's first three lines): the binary,
# its code pages and allocator, shown for scale.
head -n 3 "$SEED" >"$WORK/tiny.txt"
head -n 3 "$SEED" | to_html >"$WORK/tiny.html"
report "convert tiny.txt (3 lines) --to json" "$(stat -c %s "$WORK/tiny.txt")" "$BIN" convert "$WORK/tiny.txt" -o "$OUT/tiny.txt.json" -q
report "convert tiny.html (3 lines) --to json" "$(stat -c %s "$WORK/tiny.html")" "$BIN" convert "$WORK/tiny.html" -o "$OUT/tiny.html.json" -q
# The constant of each reader is its run on the seed (×1): the regexes compiled and the code
# paths a whole notice touches are there at any size. The ×100 inputs must stay within 10 ×
# their input above it.
for pair in x1.txt:x100.txt x1.html:x100-paragraphs.html; do
  one=${pair%%:*} big=${pair##*:}
  report "convert $one --to json" "$(stat -c %s "$WORK/$one")" "$BIN" convert "$WORK/$one" -o "$OUT/$one.json" -q
  base=$LAST_KIB
  bytes=$(stat -c %s "$WORK/$big")
  report "convert $big --to json" "$bytes" "$BIN" convert "$WORK/$big" -o "$OUT/$big.json" -q
  limit=$((bytes * 10 / 1024 + base))
  if ((LAST_KIB <= limit)); then verdict=met; else verdict="NOT MET"; fi
  echo "   target: peak < 10 × input + the $one run's peak = $limit KiB: $verdict ($(((LAST_KIB - base) * 1024 / bytes))× input above it)"
done
