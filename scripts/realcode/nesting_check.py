#!/usr/bin/env python3
"""An independent, rough second opinion on nesting in clang-formatted C/C++.

usage: nesting_check.py FLAGS.json LINT.json TREE KEY_REGEX

LINT.json is `flaglint lint --format json` run with `nested-flag: { max_depth: 0 }`, so that
every controlled evaluation is a finding whose related locations are its controlling flags.
For each evaluation this script walks up the lines of its file using indentation alone:
an enclosing `if`/`while`/`for`/`switch` header (a final `else` takes the conditions of its
whole chain) and an earlier `if (...) return|break|continue;` at the same level contribute
the flags KEY_REGEX finds in them. It prints where that disagrees with flaglint; each
disagreement is then read by hand (the heuristic does not see `&&`/`||`/ternaries inside
one multi-line condition, so those show up as its own false alarms).
"""
import json
import re
import sys


def main() -> None:
    flags_path, lint_path, tree, key_regex = sys.argv[1:5]
    key_re = re.compile(key_regex)
    refs = []
    for flag in json.load(open(flags_path))["flags"]:
        for r in flag["references"]:
            refs.append((r["path"], r["line"], flag["key"] or r.get("expression")))
    controlled = {}
    for f in json.load(open(lint_path))["findings"]:
        if f["rule"] == "nested-flag":
            controlled[(f["path"], f["line"])] = {r["flag"] for r in f.get("related", [])}
    cache = {}

    def lines(p):
        if p not in cache:
            cache[p] = open(f"{tree}/{p}", errors="replace").read().split("\n")
        return cache[p]

    def indent(s):
        return len(s) - len(s.lstrip())

    def header(ls, i):
        text = ""
        for j in range(i, min(i + 8, len(ls))):
            text += ls[j] + " "
            if ls[j].rstrip().endswith(("{", ";")):
                break
        return text

    def keys(text):
        return {"".join(k) if isinstance(k, tuple) else k for k in key_re.findall(text)}

    differences = 0
    for path, line, key in sorted(refs):
        ls = lines(path)
        lowest = indent(ls[line - 1])
        expected = set()
        j = line - 2
        while j >= 0:
            s = ls[j]
            st = s.strip()
            if not st or st.startswith(("//", "/*", "*", "#")):
                j -= 1
                continue
            ind = indent(s)
            if ind == 0:
                break
            if ind < lowest:
                lowest = ind
                if re.match(r"(\} else )?(if|while|for|switch)\b", st) or st.startswith("} else {"):
                    if not st.startswith("} else {"):
                        expected |= keys(header(ls, j))
                    if st.startswith("}"):
                        q = j - 1
                        while q >= 0 and indent(ls[q]) >= ind:
                            sq = ls[q].strip()
                            if indent(ls[q]) == ind and re.match(r"(\} else )?if\b", sq):
                                expected |= keys(header(ls, q))
                                if sq.startswith("if"):
                                    break
                            q -= 1
            elif ind == lowest and re.match(r"if\b", st):
                h = header(ls, j)
                body = re.sub(r"\s+", " ", " ".join(ls[j:j + 6]))
                if re.search(r"\)\s*(return|continue|break)\b[^;]*;", h) or \
                        re.match(r"if .*\{\s*(return|continue|break)\b[^;]*;\s*\}", body):
                    expected |= keys(h)
            j -= 1
        expected.discard(key)
        got = controlled.get((path, line), set())
        if expected != got:
            differences += 1
            print(f"{path}:{line}: {key}: indentation says {sorted(expected)}, flaglint says {sorted(got)}")
    print(f"{len(refs)} evaluations, {differences} differences")


if __name__ == "__main__":
    main()
