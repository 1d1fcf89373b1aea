#!/usr/bin/env bash
# Issue 15's ratios (docs/benchmark.md, "Cold, warm and scaling"): flaglint's wall time against
# ripgrep searching the same files for the evaluator names, cold (`--no-cache`) and warm (the
# project index filled by an earlier run), `-j 1` against `-j N` (N = cores), and peak memory.
# A script, not a test: nothing here asserts a time.
#
#   scripts/bench/ratios.sh                          the generated corpus (gen_corpus.py)
#   scripts/bench/ratios.sh CHECKOUT [CONFIG [REGEX]]  a real tree, with a .lint.yml to use
#                                                    (--config) and the regex for ripgrep
#                                                    (default: every catalogue method name)
# Environment:
#   RUNS=5          timed runs per command (hyperfine, after 1 warmup); medians reported
#   LINES=1050000   SEED=20260101   size and seed of the generated corpus
#   FLAGLINT=...    binary to time (default .build/release/flaglint; build it with
#                   `nice -n 10 swift build -c release`)
#   BASELINE=...    another flaglint binary whose cold run is timed beside (an older commit:
#                   `git worktree add /tmp/base 7cdae4d && cd /tmp/base && swift build -c release`);
#                   its output goes to a file in the work directory, never to /dev/null
#   KEEP=1          keep the work directory (corpus, hyperfine JSON, outputs)
# Needs python3, hyperfine and ripgrep (apt-get install -y ripgrep hyperfine).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-5}"
LINES="${LINES:-1050000}"
SEED="${SEED:-20260101}"
die() { echo "ratios.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is required"
command -v hyperfine >/dev/null || die "hyperfine is required (apt-get install -y hyperfine)"
command -v rg >/dev/null || die "ripgrep is required (apt-get install -y ripgrep)"
FLAGLINT="${FLAGLINT:-$root/.build/release/flaglint}"
[ -x "$FLAGLINT" ] || die "no flaglint binary at $FLAGLINT (nice -n 10 swift build -c release)"
[ -z "${BASELINE:-}" ] || [ -x "$BASELINE" ] || die "BASELINE is not an executable: $BASELINE"

work="$(mktemp -d "${TMPDIR:-/tmp}/flaglint-ratios.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "ratios.sh: work directory $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
cores="$(nproc)"
types=(-t swift -t py -t c -t cpp -t objc)

config=()
if [ $# -ge 1 ]; then
  [ -d "$1" ] || die "not a directory: $1"
  tree="$(cd "$1" && pwd)"
  name="$(basename "$tree")"
  if [ $# -ge 2 ] && [ -n "$2" ]; then config=(--config "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); fi
  regex="${3:-$(python3 "$here/catalogue_names.py" "$root/rules" methods)}"
else
  tree="$work/corpus"
  name="generated"
  echo "ratios.sh: generating $LINES lines (seed $SEED)" >&2
  python3 "$here/gen_corpus.py" "$tree" --lines "$LINES" --seed "$SEED" >/dev/null
  regex="$(python3 "$here/catalogue_names.py" "$root/rules" methods)"
fi

lint() { # lint BINARY OUTPUT ARGS...: one flaglint command line, output to a file
  local bin="$1" out="$2"; shift 2
  echo "$bin lint $tree ${config[*]} --format json -o $out $*"
}
cache="$work/cache"
# The warm runs' index, filled once (untimed); the outputs are checked to agree.
$FLAGLINT lint "$tree" "${config[@]}" --format json -o "$work/cold.json" --no-cache -q || true
$FLAGLINT lint "$tree" "${config[@]}" --format json -o "$work/warm.json" --cache-dir "$cache" -q || true
cmp -s "$work/cold.json" "$work/warm.json" || die "the cold and warm reports differ"

commands=(
  -n "ripgrep" "rg -c ${types[*]} '$regex' $tree"
  -n "cold -j $cores" "$(lint "$FLAGLINT" "$work/o1.json" --no-cache -j "$cores")"
  -n "cold -j 1" "$(lint "$FLAGLINT" "$work/o2.json" --no-cache -j 1)"
  -n "warm -j $cores" "$(lint "$FLAGLINT" "$work/o3.json" --cache-dir "$cache" -j "$cores")"
)
if [ -n "${BASELINE:-}" ]; then
  # The baseline may predate --no-cache: it is run as it runs by default, into a file.
  commands+=(-n "baseline -j $cores" "$(lint "$BASELINE" "$work/base.json" -j "$cores")")
fi
hyperfine --warmup 1 --runs "$RUNS" -N -i --style basic --export-json "$work/hyperfine.json" "${commands[@]}" >&2

# Peak resident memory of one cold and one warm run (ru_maxrss of the child).
peak() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
}
mem_cold="$(peak $FLAGLINT lint "$tree" "${config[@]}" --format json -o "$work/m1.json" --no-cache -j "$cores")"
mem_warm="$(peak $FLAGLINT lint "$tree" "${config[@]}" --format json -o "$work/m2.json" --cache-dir "$cache" -j "$cores")"
lines="$(rg --files "${types[@]}" "$tree" | python3 -c '
import sys
n = f = 0
for p in sys.stdin:
    with open(p.rstrip("\n"), "rb") as h: n += h.read().count(b"\n"); f += 1
print(n, f)')"

python3 - "$work/hyperfine.json" "$name" "$lines" "$cores" "$mem_cold" "$mem_warm" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
name, (lines, files), cores = sys.argv[2], sys.argv[3].split(), sys.argv[4]
med = {k: r["median"] for k, r in results.items()}
rg = med["ripgrep"]
print(f"{name}: {int(lines):,} lines in {int(files):,} files, {cores} cores, medians of {len(results['ripgrep']['times'])} runs")
# Wall time is what a user waits for; CPU time (user + system, means) is steadier on a shared machine.
cpu = {k: r["user"] + r["system"] for k, r in results.items()}
print(f"| command | median wall s | × ripgrep | CPU s (user+sys) | CPU × ripgrep |")
print(f"|---|---:|---:|---:|---:|")
for k, r in results.items():
    print(f"| {k} | {r['median']:.3f} | {r['median'] / rg:.2f}× | {cpu[k]:.3f} | {cpu[k] / cpu['ripgrep']:.2f}× |")
cold_n, cold_1 = med[f"cold -j {cores}"], med["cold -j 1"]
print(f"-j 1 / -j {cores} (cold): {cold_1 / cold_n:.2f}×")
base = med.get(f"baseline -j {cores}")
if base:
    b = cpu[f"baseline -j {cores}"]
    print(f"cold / baseline: wall {cold_n / base:.3f} ({(cold_n / base - 1) * 100:+.1f}%), CPU {cpu[f'cold -j {cores}'] / b:.3f} ({(cpu[f'cold -j {cores}'] / b - 1) * 100:+.1f}%)")
print(f"peak memory: cold {sys.argv[5]} MB, warm {sys.argv[6]} MB")
PY
