#!/bin/sh
# Runs each libFuzzer target of fuzz/ for a fixed time (issue 16).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     default: 600 s, every target
#
# FLAGLINT_FUZZ_TIMEOUT (default 20 s) is libFuzzer's per-input limit: raise it on a loaded machine.
# FLAGLINT_FUZZ_CONFIG=release builds the targets optimised (still with ASan and coverage):
# several times more executions per second for the Swift and Python targets; debug is the default.
#
# Corpora live in .build/fuzz-corpus/<target> (seeded from testdata/ and rules/ on first
# run, then grown by libFuzzer); crashes, timeouts and leaks land in .build/fuzz-artifacts/.
# A crash becomes a regression fixture: copy the input under Tests/FlaglintTests/Fuzz/ and
# add it to the fuzz regression test. Exit status: 1 when any target found a problem.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift || true
targets=${*:-"swift python cstructure pattern config registry baseline"}
root=$PWD
corpus=$root/.build/fuzz-corpus
artifacts=$root/.build/fuzz-artifacts
mkdir -p "$artifacts"

config=${FLAGLINT_FUZZ_CONFIG:-debug}
case $config in debug|release) ;; *) echo "FLAGLINT_FUZZ_CONFIG must be debug or release" >&2; exit 2 ;; esac
# The targets import FlaglintKit @testable: a release build must enable testing too.
testing=; [ "$config" = release ] && testing="-Xswiftc -enable-testing"
build() { (cd fuzz && swift build -c "$config" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library $testing "$@"); }
build >&2
bin=$(build --show-bin-path)/FlaglintFuzz

seed() {   # seed TARGET FIND-ARGS...
    dir=$corpus/$1
    shift
    [ -d "$dir" ] && return 0
    mkdir -p "$dir"
    find "$@" -type f -size -256k 2>/dev/null | while read -r f; do
        cp "$f" "$dir/$(printf '%s' "$f" | cksum | cut -d' ' -f1)"
    done
}
seed swift testdata Tests/Golden -name '*.swift'
seed python testdata Tests/Golden -name '*.py'
seed cstructure testdata -name '*.[chm]' -o -name '*.cpp' -o -name '*.mm' -o -name '*.hpp'
seed config testdata -name '.lint.yml*' -o -name '*.lint.yml'
seed registry testdata -name '*.yml' -o -name '*.yaml' -o -name '*.json'
seed baseline testdata Tests -name '*baseline*.json'
# Baselines: the demo's own findings, written by flaglint itself.
if [ -z "$(ls -A "$corpus/baseline" 2>/dev/null)" ] && [ -x .build/debug/flaglint ]; then
    tmp=$(mktemp -d)
    cp -R testdata/demo/. "$tmp"
    (cd "$tmp" && "$root/.build/debug/flaglint" . --today 2026-11-25 --write-baseline base.json -q >/dev/null 2>&1) || true
    [ -f "$tmp/base.json" ] && cp "$tmp/base.json" "$corpus/baseline/demo"
    rm -rf "$tmp"
fi
if [ ! -d "$corpus/pattern" ]; then
    mkdir -p "$corpus/pattern"
    grep -h 'match:' rules/*.yml | sed 's/^ *- *match: *//; s/^"//; s/"$//' | head -200 | while read -r m; do
        printf '%s\nlet a = client.boolVariation(forKey: "k", defaultValue: true)\nfeatures.has("k", True)\n' "$m" \
            > "$corpus/pattern/$(printf '%s' "$m" | cksum | cut -d' ' -f1)"
    done
fi

status=0
for t in $targets; do
    mkdir -p "$corpus/$t" "$artifacts/$t"
    log=$artifacts/$t.log
    echo "== $t: ${seconds}s" >&2
    if ! FLAGLINT_FUZZ_TARGET=$t "$bin" "$corpus/$t" -max_total_time="$seconds" -timeout="${FLAGLINT_FUZZ_TIMEOUT:-20}" -rss_limit_mb=4096 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/$t/" >"$log" 2>&1; then
        status=1
        echo "!! $t found a problem: see $log and $artifacts/$t/" >&2
    fi
    # Executions, coverage and corpus size, for the report.
    grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' "$log" | tr '\n' ' ' >&2
    grep -E '^#[0-9]+.*(DONE|pulse|REDUCE|NEW)' "$log" | tail -1 >&2
done
exit $status
