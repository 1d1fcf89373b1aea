#!/usr/bin/env python3
"""Prints the benchmark table from run.sh's work directory (hyperfine JSON + tool outputs)."""
import argparse
import collections
import json
import os
import platform
import statistics


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def medians(out):
    rows = {}
    for name in ("hf-main.json", "hf-semgrep.json"):
        d = load(os.path.join(out, name))
        if not d:
            continue
        for r in d["results"]:
            rows[r["command"]] = (statistics.median(r["times"]), len(r["times"]), r.get("exit_codes"))
    return rows


def fmt_s(x):
    return "%.3f" % x


def table(title, rows, lines):
    print()
    print("## %s" % title)
    print()
    rg = next((v[0] for k, v in rows.items() if k == "ripgrep"), None)
    sg = next((v[0] for k, v in rows.items() if k == "semgrep"), None)
    print("| tool | median s | runs | lines/s | × ripgrep | semgrep ÷ tool |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (med, n, _codes) in rows.items():
        lps = "%.0f k" % (lines / med / 1000) if med > 0 else "-"
        xr = "%.1f×" % (med / rg) if rg else "-"
        vs = "%.1f× faster" % (sg / med) if (sg and name.startswith("flaglint")) else ("-" if name != "semgrep" else "1")
        if sg and name.startswith("flaglint") and sg < med:
            vs = "%.1f× slower" % (med / sg)
        print("| %s | %s | %d | %s | %s | %s |" % (name, fmt_s(med), n, lps, xr, vs))


def flaglint_counts(out):
    d = load(os.path.join(out, "flaglint.json"), {})
    rules = collections.Counter(f["rule"] for f in d.get("findings", []))
    flags = load(os.path.join(out, "flaglint-flags.json"), {})
    by_lang = collections.Counter()
    for fl in flags.get("flags", []):
        for r in fl.get("references", []):
            by_lang[r.get("language", "?")] += 1
    return d.get("summary", {}), rules, by_lang


def rg_counts(out):
    lines = files = 0
    try:
        with open(os.path.join(out, "rg-count.txt")) as f:
            for row in f:
                path, _, n = row.rstrip("\n").rpartition(":")
                if path:
                    lines += int(n)
                    files += 1
    except OSError:
        pass
    return lines, files


def semgrep_counts(out):
    d = load(os.path.join(out, "semgrep.json"))
    if d is None:
        return None
    c = collections.Counter(r["check_id"].rsplit(".", 1)[-1] for r in d.get("results", []))
    ev = sum(v for k, v in c.items() if k.startswith("flag-evaluation"))
    dt = sum(v for k, v in c.items() if k.startswith("flag-default-true"))
    errors = len(d.get("errors", []))
    return ev, dt, errors


def counts(name, out, manifest):
    summary, rules, by_lang = flaglint_counts(out)
    rg_lines, rg_files = rg_counts(out)
    sg = semgrep_counts(out)
    try:
        prefilter_files = int(open(os.path.join(out, "prefilter-files.txt")).read().strip())
    except (OSError, ValueError):
        prefilter_files = None
    total_files = int(open(os.path.join(out, "size")).read().split()[1])
    print()
    print("Counts on %s:" % name)
    print()
    print("| source | evaluations | default true (missing-default-false) | nested-flag | other |")
    print("|---|---:|---:|---:|---|")
    if manifest:
        print("| generator (truth) | %d | %d | %d | %d SDK calls in comments/strings (decoys) |" % (
            manifest["evaluations"], manifest["true_defaults"], manifest["nested_findings"], manifest["decoy_mentions"]))
    other = ", ".join("%s %d" % (k, v) for k, v in sorted(rules.items()) if k not in ("missing-default-false", "nested-flag"))
    print("| flaglint | %s | %d | %d | %s |" % (summary.get("evaluations", "?"), rules.get("missing-default-false", 0),
                                                rules.get("nested-flag", 0), other or "-"))
    print("| ripgrep | %d matching lines in %d files | - | - | text matches, not evaluations |" % (rg_lines, rg_files))
    if sg:
        print("| semgrep | %d | %d | - | %d parse warnings/errors |" % sg)
    print()
    notes = []
    ev = summary.get("evaluations", 0)
    if manifest:
        ok = (ev == manifest["evaluations"] and rules.get("missing-default-false", 0) == manifest["true_defaults"]
              and rules.get("nested-flag", 0) == manifest["nested_findings"])
        notes.append("flaglint %s the generator's truth." % ("matches" if ok else "DIFFERS FROM"))
    if rg_lines != ev:
        extra = (" (the generator wrote %d comment/string mentions)" % manifest["decoy_mentions"]
                 if manifest and manifest["decoy_mentions"] else "")
        notes.append("ripgrep counts %d lines against flaglint's %d evaluations: it also matches SDK names in comments and "
                     "strings%s and catalogue method names used for other things (`variation`, `isEnabled`, ...); it "
                     "sees no defaults and no nesting." % (rg_lines, ev, extra))
    if sg:
        objc = by_lang.get("objc", 0) + by_lang.get("objcpp", 0)
        notes.append("semgrep finds %d evaluations against flaglint's %d: semgrep has no Objective-C support, so the "
                     "%d Objective-C evaluations are invisible to it; its rules cover only the SDK calls this corpus "
                     "uses (flaglint checks the whole built-in catalogue)." % (sg[0], ev, objc))
        notes.append("semgrep flags %d `true` defaults against flaglint's %d: it cannot see a Chromium feature's default "
                     "(declared ENABLED_BY_DEFAULT in BASE_FEATURE, elsewhere in the file) nor Objective-C `YES`; "
                     "nested-flag has no semgrep equivalent here." % (sg[1], rules.get("missing-default-false", 0)))
    if prefilter_files is not None:
        notes.append("flaglint's prefilter admits %d of %d files (%.0f%%) to the lexer/parser; %d files contain an "
                     "evaluator method name (ripgrep's files)." % (prefilter_files, total_files,
                                                                    100.0 * prefilter_files / max(1, total_files), rg_files))
    for n in notes:
        print("- " + n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("--cores", type=int)
    ap.add_argument("--real", default="")
    ap.add_argument("--flaglint")
    ap.add_argument("--semgrep-version")
    ap.add_argument("--rg-version")
    ap.add_argument("--hyperfine-version")
    a = ap.parse_args()

    print("# flaglint benchmark")
    print()
    print("machine: %s, %d cores; %s; ripgrep %s; semgrep %s; %s" % (
        platform.platform(), a.cores, a.flaglint, a.rg_version.replace("ripgrep ", ""), a.semgrep_version,
        a.hyperfine_version))
    print("medians of hyperfine runs after 1 warmup; lines = lines of the Swift/Python/C-family files in the tree.")

    for name, title, manifest in (("generated", "generated corpus", "corpus.manifest.json"),
                                  ("flagfree", "flag-free corpus (prefilter case)", "flagfree.manifest.json"),
                                  ("real", "real checkout %s" % a.real, None)):
        out = os.path.join(a.work, name)
        if not os.path.isdir(out):
            continue
        lines, files = map(int, open(os.path.join(out, "size")).read().split())
        m = load(os.path.join(a.work, manifest)) if manifest else None
        table("%s: %d lines, %d files" % (title, lines, files), medians(out), lines)
        counts(title, out, m)


if __name__ == "__main__":
    main()
