#!/bin/sh
# Scaling check (issue 16): times flaglint on each pathological input at size n and 4n and
# prints the ratio. Linear phases give about 4 (n log n a little more); quadratic ones 16.
#
#   scripts/bench/scaling.sh [N]        default N=10000; uses .build/release/flaglint if built
set -eu
cd "$(dirname "$0")/../.."
n=${1:-10000}
bin=.build/release/flaglint
[ -x "$bin" ] || bin=.build/debug/flaglint
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

python3 - "$work" "$n" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
ev = 'client.boolVariation(forKey: "k", defaultValue: false)'
for size in (n, 4 * n):
    def w(name, text):
        open(f"{work}/{name}-{size}.{name.split('.')[-1] if '.' in name else 'swift'}", "w").write(text)
    open(f"{work}/braces-{size}.swift", "w").write("func f() {\n" + "if x {\n" * size + ev + "\n" + "}\n" * size + "}\n")
    open(f"{work}/closures-{size}.swift", "w").write("let v = " + "f { " * size + ev + " }" * size + "\n")
    open(f"{work}/parens-{size}.swift", "w").write("let v = " + "(" * size + ev + ")" * size + "\n")
    open(f"{work}/suppressions-{size}.swift", "w").write("".join(
        f'let a{i} = client.boolVariation(forKey: "k{i}", defaultValue: true) // flaglint:disable-line missing-default-false\n' for i in range(size)))
    open(f"{work}/suppressions-{size}.py", "w").write("".join(
        f'a{i} = client.get_boolean_value("k{i}", True)  # flaglint:disable-line missing-default-false\n' for i in range(size)))
    open(f"{work}/rulenames-{size}.swift", "w").write(
        "// flaglint:disable-next-line " + ",".join(["nested-flag"] * (size * 5)) + "\nlet x = 1\n")
    open(f"{work}/nestedflags-{size // 20}.swift", "w").write("func f() {\n" + "".join(
        f'if client.boolVariation(forKey: "f{i}", defaultValue: false) {{\n' for i in range(size // 20)) + "}\n" * (size // 20) + "}\n")
    open(f"{work}/oneline-{size}.swift", "w").write("let x = [" + "alpha_beta, 12345, \"str\", " * (size * 10) + ev + "]\n")
    open(f"{work}/calls-{size}.py", "w").write("".join(f'x{i} = client.get_boolean_value("k{i % 97}", False)\n' for i in range(size)))
    open(f"{work}/deep-{size}.c", "w").write("void f(int x) {\n" + "if (x) {\n" * (size // 4) + "LDServerSDK_BoolVariation(s, c, \"k\", true);\n" + "}\n" * (size // 4) + "}\n")
PY

seconds() {   # seconds FILE: CPU time (user + system) of one run, so a loaded machine does not skew the ratio
    /usr/bin/time -f '%U %S' "$bin" -q --color never --format json "$1" >/dev/null 2>"$work/time" || true
    tail -1 "$work/time" | awk '{ printf "%.2f", $1 + $2 }'
}

printf '%-14s %10s %10s %10s %8s\n' phase n "t(n) s" "t(4n) s" ratio
for case in braces closures parens suppressions rulenames nestedflags oneline calls deep; do
    for ext in swift py c; do
        small=$(ls "$work/$case"-*."$ext" 2>/dev/null | sort -t- -k2 -n | head -1) || true
        large=$(ls "$work/$case"-*."$ext" 2>/dev/null | sort -t- -k2 -n | tail -1) || true
        [ -n "$small" ] && [ "$small" != "$large" ] || continue
        a=$(seconds "$small"); b=$(seconds "$large")
        size=${small##*-}; size=${size%.*}
        printf '%-14s %10s %10s %10s %8s\n' "$case.$ext" "$size" "$a" "$b" \
            "$(python3 -c "print(f'{$b / max($a, 0.01):.1f}')")"
    done
done
