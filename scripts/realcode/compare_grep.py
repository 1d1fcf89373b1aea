#!/usr/bin/env python3
"""Compare `flaglint flags --format json` with a grep of the same API over the same tree.

usage: compare_grep.py FLAGS.json REGEX TREE [FILE_LIST]

Prints every grep occurrence flaglint did not report as an evaluation (to classify by hand:
comment, string, declaration/definition, macro body, inactive preprocessor branch, or a
miss) and every reported evaluation that is not at a grep occurrence. FILE_LIST (one path
per line, relative to TREE) restricts grep to the files flaglint linted.
"""
import json
import re
import subprocess
import sys


def main() -> None:
    flags_path, regex, tree = sys.argv[1:4]
    refs = set()
    for flag in json.load(open(flags_path))["flags"]:
        for r in flag["references"]:
            refs.add((r["path"], r["line"], r["column"]))
    if len(sys.argv) > 4:
        files = [l for l in open(sys.argv[4]).read().split("\n") if l]
        out = subprocess.run(["grep", "-nHE", regex, *files], cwd=tree, capture_output=True, text=True).stdout
    else:
        out = subprocess.run(["grep", "-rnE", regex, "."], cwd=tree, capture_output=True, text=True).stdout
    hits = []
    for line in out.splitlines():
        path, number, text = line.split(":", 2)
        path = path[2:] if path.startswith("./") else path
        for m in re.finditer(regex, text):
            hits.append((path, int(number), m.start() + 1, text.strip()))
    positions = {(p, l, c) for p, l, c, _ in hits}
    print(f"grep lines {len(out.splitlines())}, occurrences {len(hits)}, flaglint evaluations {len(refs)}")
    print("== grep occurrences flaglint did not report")
    for p, l, c, text in hits:
        if (p, l, c) not in refs:
            print(f"{p}:{l}:{c}: {text}")
    print("== flaglint evaluations not at a grep occurrence")
    for p, l, c in sorted(refs - positions):
        print(f"{p}:{l}:{c}")


if __name__ == "__main__":
    main()
