#!/usr/bin/env bash
# C-family throughput benchmark (docs/semantics.md, C family, §9): flaglint's cost per megabyte of C++ against
# libclang's own single-file parse plus tokenization of the same files. A script, not a
# test: nothing here asserts a time.
#
#   scripts/bench/cfamily.sh [REAL_TREE]
#
# Measures, single-threaded, with hyperfine (median wall time of whole processes):
#   libclang   scripts/bench/clang_baseline.c, compiled here against libclang: for each file
#              read + clang_parseTranslationUnit2 (flaglint's options and arguments) +
#              clang_tokenize of the whole file + dispose. The floor flaglint cannot go under.
#   flaglint   `flaglint lint TREE -j 1 --format json -o /dev/null` on the same files.
# on these trees:
#   flagged    generated C++ (gen_corpus.py --only cpp --flag-rate 1): every file evaluates
#              flags, so every file goes through the frontend, the matcher and the rules;
#   realistic  generated C++ at the default 4% flag rate: the prefilter skips flag-free
#              files (the whole-tree number a user sees);
#   REAL_TREE  its C/C++ files (copied; e.g. a Debian source package from `apt-get source`),
#              flaglint run with FLAGLINT_NO_PREFILTER=1 (every file parsed) and without.
# Prints ms/MB for each and the ratio flaglint ÷ libclang.
#
# Environment:
#   RUNS=5 LINES=120000 SEED=20260101 FLAGLINT=path KEEP=1 (keep the work directory)
#   LIBCLANG_DIR=dir with libclang.so and ../include/clang-c (default: llvm-config --libdir);
#   it should be the libclang flaglint loads (FLAGLINT_LIBCLANG, else flaglint's own search).
# Needs: python3, hyperfine, a C compiler, libclang headers (Debian: libclang-dev).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-5}"
LINES="${LINES:-120000}"
SEED="${SEED:-20260101}"
REAL="${1:-}"

die() { echo "cfamily.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is required"
command -v hyperfine >/dev/null || die "hyperfine is required (apt-get install hyperfine)"
command -v cc >/dev/null || die "a C compiler (cc) is required"

if [ -z "${LIBCLANG_DIR:-}" ]; then
  command -v llvm-config >/dev/null || die "llvm-config not found: set LIBCLANG_DIR"
  LIBCLANG_DIR="$(llvm-config --libdir)"
fi
include="$LIBCLANG_DIR/../include"
[ -f "$include/clang-c/Index.h" ] || die "no clang-c/Index.h under $include (apt-get install libclang-dev)"

if [ -z "${FLAGLINT:-}" ]; then
  FLAGLINT="$root/.build/release/flaglint"
  if [ ! -x "$FLAGLINT" ]; then
    echo "cfamily.sh: building flaglint (swift build -c release)" >&2
    (cd "$root" && swift build -c release >&2)
  fi
fi
[ -x "$FLAGLINT" ] || die "no flaglint binary at $FLAGLINT"
if [ -n "$REAL" ]; then
  [ -d "$REAL" ] || die "not a directory: $REAL"
  REAL="$(cd "$REAL" && pwd)"
fi
# flaglint loads the same libclang as the baseline links.
export FLAGLINT_LIBCLANG="${FLAGLINT_LIBCLANG:-$LIBCLANG_DIR/libclang.so}"

work="$(mktemp -d "${TMPDIR:-/tmp}/flaglint-cbench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "cfamily.sh: work directory $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

baseline="$work/clang_baseline"
cc -O2 -I"$include" "$here/clang_baseline.c" -L"$LIBCLANG_DIR" -Wl,-rpath,"$LIBCLANG_DIR" -lclang -o "$baseline"

echo "cfamily.sh: generating C++ corpora ($LINES lines each, seed $SEED)" >&2
python3 "$here/gen_corpus.py" "$work/flagged" --only cpp --lines "$LINES" --seed "$SEED" --flag-rate 1 >/dev/null
python3 "$here/gen_corpus.py" "$work/realistic" --only cpp --lines "$LINES" --seed "$SEED" >/dev/null
if [ -n "$REAL" ]; then
  # The C/C++ sources only (no third-party code is ever committed: this is a scratch copy).
  mkdir -p "$work/real"
  # Hidden directories are left out, as flaglint's discovery does (e.g. a quilt .pc/).
  (cd "$REAL" && find . -type f -not -path '*/.*' \( -name '*.cc' -o -name '*.cpp' -o -name '*.cxx' -o -name '*.c' \
     -o -name '*.h' -o -name '*.hh' -o -name '*.hpp' -o -name '*.hxx' \) -print0 |
     tar --null -T - -cf -) | tar -xf - -C "$work/real"
fi

# bench NAME DIR [ENV=VALUE...]: hyperfine over the baseline and flaglint on DIR.
bench() {
  local name="$1" dir="$2"; shift 2
  local list="$work/$name.list"
  (cd "$dir" && find . -type f | LC_ALL=C sort) | sed "s|^\.|$dir|" > "$list"
  # Untimed run: file count, bytes, tokens, and libclang's in-process CPU (start-up excluded).
  "$baseline" "$list" > "$work/$name.baseline.txt"
  "$baseline" --extents "$list" > "$work/$name.extents.txt"
  env "$@" "$FLAGLINT" lint "$dir" -j 1 --statistics --color never > "$work/$name.flaglint.txt" 2>&1 || true
  hyperfine --warmup 1 --runs "$RUNS" -N -i --style basic --export-json "$work/$name.hf.json" \
    -n "libclang" "$baseline $list" \
    -n "flaglint" "env $* $FLAGLINT lint $dir -j 1 --format json -o /dev/null" >&2
}

bench flagged "$work/flagged"
bench realistic "$work/realistic"
if [ -n "$REAL" ]; then
  bench real-all "$work/real" FLAGLINT_NO_PREFILTER=1
  bench real "$work/real"
fi

python3 - "$work" "$FLAGLINT" "$FLAGLINT_LIBCLANG" "$REAL" <<'PY'
import json, os, platform, re, statistics, subprocess, sys
work, flaglint, libclang, real = sys.argv[1:5]
print("C-family throughput, single thread (hyperfine medians of whole processes)")
print("machine: %s, %d cores; libclang: %s" % (platform.platform(), os.cpu_count(), libclang))
print("flaglint: %s" % subprocess.run([flaglint, "--version"], capture_output=True, text=True).stdout.strip())
print()
print("wall: median elapsed time; CPU: mean user+system time (the steadier number on a shared machine)")
print()
print("| tree | files | MB | libclang wall ms/MB | flaglint wall ms/MB | wall ratio | libclang CPU ms/MB | flaglint CPU ms/MB | CPU ratio | libclang in-process CPU ms/MB (+ extents) | flaglint summary |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
names = [("flagged", "generated C++, every file evaluates flags"),
         ("realistic", "generated C++, 4% of files evaluate flags (prefilter on)")]
if real:
    names += [("real-all", os.path.basename(real) + ", FLAGLINT_NO_PREFILTER=1"), ("real", os.path.basename(real) + " (prefilter on)")]
for name, label in names:
    b = open(os.path.join(work, name + ".baseline.txt")).read().split()
    x = open(os.path.join(work, name + ".extents.txt")).read().split()
    kv = dict(zip(b[0::2], b[1::2])); kx = dict(zip(x[0::2], x[1::2]))
    mb = int(kv["bytes"]) / 1e6
    d = json.load(open(os.path.join(work, name + ".hf.json")))["results"]
    lib = statistics.median(d[0]["times"]) * 1000 / mb
    fl = statistics.median(d[1]["times"]) * 1000 / mb
    libc = (d[0]["user"] + d[0]["system"]) * 1000 / mb
    flc = (d[1]["user"] + d[1]["system"]) * 1000 / mb
    summary = open(os.path.join(work, name + ".flaglint.txt")).read().strip().splitlines()
    summary = summary[-1] if summary else ""
    print("| %s | %s | %.2f | %.1f | %.1f | %.2f× | %.1f | %.1f | %.2f× | %.1f (%.1f) | %s |" % (
        label, kv["files"], mb, lib, fl, fl / lib, libc, flc, flc / libc,
        float(kv["cpu_s"]) * 1000 / mb, float(kx["cpu_s"]) * 1000 / mb, summary))
PY
