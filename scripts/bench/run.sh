#!/usr/bin/env bash
# flaglint benchmark (docs/benchmark.md): flaglint vs ripgrep (the text-search floor) vs semgrep (the
# rules a user would write instead), on a generated ≥1M-line corpus and optionally a real
# checkout. Prints medians, lines/second, ratios and each tool's match counts. A script,
# not a test: nothing here asserts a time.
#
#   scripts/bench/run.sh [REAL_CHECKOUT]
#
# Environment:
#   RUNS=3            timed runs per command (after 1 warmup); the median is reported
#   SEMGREP_RUNS=3    timed runs for semgrep (slowest tool); 0 skips semgrep
#   LINES=1050000     size of the generated corpus
#   SEED=20260101     generator seed (same seed, same corpus bytes)
#   FLAGLINT=...      binary to time (default: .build/release/flaglint, built if missing)
#   KEEP=1            keep the work directory (corpora, hyperfine JSON) instead of deleting it
#
# Needs: python3, hyperfine, ripgrep; semgrep optional (pip install semgrep); libclang at run
# time for flaglint's C-family files (as for any flaglint run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-3}"
SEMGREP_RUNS="${SEMGREP_RUNS:-3}"
LINES="${LINES:-1050000}"
SEED="${SEED:-20260101}"
REAL="${1:-}"

die() { echo "run.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is required"
command -v hyperfine >/dev/null || die "hyperfine is required (apt-get install hyperfine)"
command -v rg >/dev/null || die "ripgrep is required (apt-get install ripgrep)"
have_semgrep=1
if [ "$SEMGREP_RUNS" = 0 ] || ! command -v semgrep >/dev/null; then
  have_semgrep=0
  echo "run.sh: semgrep skipped (not installed or SEMGREP_RUNS=0; pip install semgrep)" >&2
fi
# Offline and quiet: no metrics, no version check (it waits on the network otherwise).
export SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0

if [ -z "${FLAGLINT:-}" ]; then
  FLAGLINT="$root/.build/release/flaglint"
  if [ ! -x "$FLAGLINT" ]; then
    echo "run.sh: building flaglint (swift build -c release)" >&2
    (cd "$root" && swift build -c release >&2)
  fi
fi
[ -x "$FLAGLINT" ] || die "no flaglint binary at $FLAGLINT"
if [ -n "$REAL" ]; then
  [ -d "$REAL" ] || die "not a directory: $REAL"
  REAL="$(cd "$REAL" && pwd)"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/flaglint-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "run.sh: work directory $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

cores="$(nproc)"
methods="$(python3 "$here/catalogue_names.py" "$root/rules" methods)"
# flaglint's prefilter names, per language (a file is searched for its own language's names).
for lang in swift python c cpp objc objcpp; do
  python3 "$here/catalogue_names.py" "$root/rules" prefilter "$lang" > "$work/prefilter-$lang.txt"
done
rg_types=(-t swift -t py -t c -t cpp -t objc)

echo "run.sh: generating the corpus ($LINES lines, seed $SEED)" >&2
python3 "$here/gen_corpus.py" "$work/corpus" --lines "$LINES" --seed "$SEED" --manifest "$work/corpus.manifest.json" >/dev/null
# The same generator with no flags and no mentions: every file is the prefilter case.
python3 "$here/gen_corpus.py" "$work/flagfree" --lines "$((LINES / 2))" --seed "$((SEED + 1))" \
  --flag-rate 0 --decoy-rate 0 --manifest "$work/flagfree.manifest.json" >/dev/null

# bench NAME DIR WITH_SEMGREP
bench() {
  local name="$1" dir="$2" with_semgrep="$3" out="$work/$1"
  mkdir -p "$out"
  # Lines of the files the tools look at (the languages flaglint lints).
  rg --files "${rg_types[@]}" "$dir" | python3 -c '
import sys
n = f = 0
for p in sys.stdin:
    with open(p.rstrip("\n"), "rb") as h:
        n += h.read().count(b"\n"); f += 1
print(n, f)' > "$out/size"
  echo "run.sh: [$name] $(cut -d" " -f1 "$out/size") lines in $(cut -d" " -f2 "$out/size") files" >&2

  # Counts (untimed runs, same commands).
  "$FLAGLINT" lint "$dir" --format json -o "$out/flaglint.json" || true
  "$FLAGLINT" flags "$dir" --format json -o "$out/flaglint-flags.json" || true
  rg -c "${rg_types[@]}" "$methods" "$dir" > "$out/rg-count.txt" || true
  # Files flaglint's prefilter admits to a frontend: each language's files that contain one of
  # that language's prefilter names (headers counted as C++, as flaglint reads them by default).
  {
    rg -l -F -g '*.swift' -f "$work/prefilter-swift.txt" "$dir" || true
    rg -l -F -g '*.py' -f "$work/prefilter-python.txt" "$dir" || true
    rg -l -F -g '*.c' -f "$work/prefilter-c.txt" "$dir" || true
    rg -l -F -g '*.{cc,cpp,cxx,c++,h,hh,hpp,hxx}' -f "$work/prefilter-cpp.txt" "$dir" || true
    rg -l -F -g '*.m' -f "$work/prefilter-objc.txt" "$dir" || true
    rg -l -F -g '*.mm' -f "$work/prefilter-objcpp.txt" "$dir" || true
  } | wc -l > "$out/prefilter-files.txt"

  hyperfine --warmup 1 --runs "$RUNS" -N -i --style basic --export-json "$out/hf-main.json" \
    -n "flaglint -j $cores" "$FLAGLINT lint $dir --format json -o /dev/null" \
    -n "flaglint -j 1" "$FLAGLINT lint $dir --format json -o /dev/null -j 1" \
    -n "ripgrep" "rg -c ${rg_types[*]} '$methods' $dir" >&2
  if [ "$with_semgrep" = 1 ] && [ "$have_semgrep" = 1 ]; then
    semgrep --config "$here/semgrep-rules.yml" --json --metrics off --quiet "$dir" -o "$out/semgrep.json" 2>/dev/null || true
    hyperfine --warmup 1 --runs "$SEMGREP_RUNS" -N -i --style basic --export-json "$out/hf-semgrep.json" \
      -n "semgrep" "semgrep --config $here/semgrep-rules.yml --json --metrics off --quiet $dir -o /dev/null" >&2
  fi
}

bench generated "$work/corpus" 1
bench flagfree "$work/flagfree" 0
[ -n "$REAL" ] && bench real "$REAL" 1

python3 "$here/report.py" "$work" --cores "$cores" --real "${REAL:-}" \
  --flaglint "$FLAGLINT" --semgrep-version "$( [ "$have_semgrep" = 1 ] && semgrep --version 2>/dev/null || echo none)" \
  --rg-version "$(rg --version | head -n 1)" --hyperfine-version "$(hyperfine --version)"
