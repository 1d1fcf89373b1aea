#!/usr/bin/env python3
"""One answer everywhere, measured on any tree: the whole-project run's findings on a file
against `flaglint FILE` and `flaglint --stdin-filename FILE -` (unused-flag aside, which only a
whole-project run reports). Checks every file with an evaluation or a finding, plus a sample of
the others.

    scripts/parity/check.py TREE [--flaglint BIN] [--sample N] [--config FILE]

Prints one line per mismatch and a summary; exit 1 on any mismatch."""
import argparse, json, os, random, subprocess, sys

def findings(stdout, only=None):
    doc = json.loads(stdout or "{}")
    out = []
    for f in doc.get("findings", []):
        if f["rule"] == "unused-flag" or (only is not None and f["path"] != only):
            continue
        out.append((f["path"], f["line"], f["column"], f["rule"], f["message"]))
    return sorted(out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tree")
    ap.add_argument("--flaglint", default=os.path.join(os.path.dirname(__file__), "../../.build/release/flaglint"))
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--config")
    a = ap.parse_args()
    flaglint = os.path.abspath(a.flaglint)
    base = [flaglint, "--format", "json", "--fail-on", "never", "--today", "2026-11-25"]
    if a.config:
        base += ["--config", os.path.abspath(a.config)]
    os.chdir(a.tree)
    whole = subprocess.run(base + ["."], capture_output=True, text=True)
    flags = subprocess.run([flaglint, "flags", "--format", "json", "--today", "2026-11-25", "."] + (["--config", os.path.abspath(a.config)] if a.config else []),
                           capture_output=True, text=True)
    evaluated = {r["path"] for f in json.loads(flags.stdout or "{}").get("flags", []) for r in f.get("references", [])}
    all_findings = findings(whole.stdout)
    with_findings = {f[0] for f in all_findings}
    listed = subprocess.run(["git", "ls-files"], capture_output=True, text=True).stdout.split() if os.path.isdir(".git") else []
    if not listed:
        for d, _, names in os.walk("."):
            listed += [os.path.relpath(os.path.join(d, n)) for n in names]
    code = [p for p in listed if p.rsplit(".", 1)[-1] in ("swift", "py", "c", "h", "cc", "cpp", "hpp", "m", "mm")]
    random.seed(1)
    others = [p for p in code if p not in evaluated and p not in with_findings]
    files = sorted(evaluated | with_findings) + random.sample(others, min(a.sample, len(others)))
    mismatches = 0
    for path in files:
        want = [f for f in all_findings if f[0] == path]
        alone = findings(subprocess.run(base + [path], capture_output=True, text=True).stdout, path)
        with open(path, "rb") as fh:
            buf = fh.read()
        piped = findings(subprocess.run(base + ["--stdin-filename", path, "-"], input=buf, capture_output=True).stdout.decode(), path)
        for how, got in (("file", alone), ("stdin", piped)):
            if got != want:
                mismatches += 1
                print(f"MISMATCH {how} {path}: got {len(got)} want {len(want)}")
                for x in sorted(set(got) ^ set(want)):
                    print("   ", "extra" if x in got else "missing", x)
    print(f"{len(files)} files ({len(evaluated)} with evaluations, {len(with_findings)} with findings, "
          f"{len(files) - len(evaluated | with_findings)} sampled), {len(all_findings)} findings, {mismatches} mismatches")
    return 1 if mismatches else 0

sys.exit(main())
