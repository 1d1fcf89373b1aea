#!/usr/bin/env bash
# Installs this repository's pre-commit hook the way a user would (`repo:` by path, `rev:` the
# committed HEAD; pre-commit clones it and runs `swift build -c release`) into a scratch git
# repository, and checks that a staged file with a finding fails the hook with gcc-style lines
# while a clean one passes. Then runs the built binary concurrently on file subsets and checks
# each run prints exactly what it prints alone.
#
# Usage: scripts/test-pre-commit.sh [REPOSITORY]   (default: the repository holding this script)
# Only committed work is tested: pre-commit builds a clone of HEAD.
# PRE_COMMIT_HOME is honoured (reuse it to skip the release build on later runs).
set -euo pipefail

repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)
rev=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d "${TMPDIR:-/tmp}/flaglint-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/pre-commit-home}"
export NO_COLOR=1

fail() { echo "test-pre-commit: FAIL: $*" >&2; exit 1; }

project="$work/project with space"
mkdir -p "$project/app"
cd "$project"
git init -q
git config user.email test@example.com
git config user.name test
git config commit.gpgsign false

# The README's remote recipe, with `repo:` this checkout and `rev:` its HEAD.
awk '/<!-- readme-test: pre-commit-remote/ { found = 1; next }
     found && /^```/ { if (inside) exit; inside = 1; next }
     inside { print }' "$repo/README.md" \
  | sed -e "s|repo: https://github.com/flaglint/flaglint|repo: $repo|" -e "s|rev: [^ ]*|rev: $rev|" > .pre-commit-config.yaml
grep -q "repo: $repo" .pre-commit-config.yaml && grep -q "rev: $rev" .pre-commit-config.yaml \
  || fail "README.md has no pre-commit-remote recipe to test"

cat > .lint.yml <<'YAML'
version: 1
sdks: []
evaluators:
  - match: "features.has($KEY, ...)"
    language: python
    fallback: false
rules:
  nested-flag: { severity: error, max_depth: 1 }
YAML

cat > app/bad.py <<'PY'
def checkout(features):
    if features.has("new-checkout"):
        if features.has("gift-wrap"):
            if features.has("gift-note"):
                return 3
    return 0
PY

cat > app/good.py <<'PY'
def checkout(features):
    if features.has("new-checkout"):
        return 1
    return 0
PY

cat > app/suppressed.py <<'PY'
def checkout(features):
    if features.has("new-checkout"):
        if features.has("gift-wrap"):
            # flaglint:disable-next-line nested-flag -- removed with new-checkout
            if features.has("gift-note"):
                return 3
    return 0
PY

git add .pre-commit-config.yaml .lint.yml
git commit -qm "config"

echo "test-pre-commit: installing the hook from $repo@$rev (swift build -c release; takes a while the first time)" >&2
pre-commit install-hooks >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "pre-commit install-hooks"; }

# A clean staged file passes.
git add app/good.py app/suppressed.py
pre-commit run >"$work/good.log" 2>&1 || { cat "$work/good.log" >&2; fail "hook failed on clean files"; }
grep -q "^flaglint\.*Passed" "$work/good.log" || { cat "$work/good.log" >&2; fail "hook did not run on clean files"; }
git commit -qm "clean"

# A staged file with a finding fails, with a gcc-style line for it.
git add app/bad.py
if pre-commit run >"$work/bad.log" 2>&1; then cat "$work/bad.log" >&2; fail "hook passed on app/bad.py"; fi
grep -q "^flaglint\.*Failed" "$work/bad.log" || { cat "$work/bad.log" >&2; fail "hook did not report a failure"; }
grep -Eq "^app/bad\.py:4:[0-9]+: error: .*\[nested-flag\]$" "$work/bad.log" \
  || { cat "$work/bad.log" >&2; fail "no gcc-style finding for app/bad.py:4"; }
if grep -q "good.py\|suppressed.py" "$work/bad.log"; then cat "$work/bad.log" >&2; fail "unstaged/clean files reported"; fi

# --files runs on exactly the named files.
pre-commit run --files app/good.py >"$work/files.log" 2>&1 || { cat "$work/files.log" >&2; fail "--files app/good.py failed"; }

# Concurrent invocations on file subsets print what each prints alone.
flaglint=$(find "$PRE_COMMIT_HOME" -path '*/.build/*/release/flaglint' -type f -perm -u+x | head -n 1)
[ -n "$flaglint" ] || fail "built flaglint binary not found under $PRE_COMMIT_HOME"
for i in $(seq 1 6); do
  cp app/bad.py "app/bad$i.py"
  cp app/good.py "app/good$i.py"
done
for i in $(seq 1 6); do
  "$flaglint" --force-exclude "app/bad$i.py" "app/good$i.py" >"$work/alone$i.out" 2>/dev/null || true
done
for i in $(seq 1 6); do
  ("$flaglint" --force-exclude "app/bad$i.py" "app/good$i.py" >"$work/together$i.out" 2>/dev/null || true) &
done
wait
for i in $(seq 1 6); do
  cmp -s "$work/alone$i.out" "$work/together$i.out" || fail "concurrent run $i differs from its solo run"
  grep -Eq "^app/bad$i\.py:4:[0-9]+: error: " "$work/together$i.out" || fail "concurrent run $i lost its finding"
  if grep -q "bad[^$i]\.py\|good" "$work/together$i.out"; then fail "concurrent run $i reports other files"; fi
done

echo "test-pre-commit: OK (hook fails on findings with gcc-style lines, passes clean files, concurrent runs isolated)"
