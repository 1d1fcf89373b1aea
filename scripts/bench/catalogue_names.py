#!/usr/bin/env python3
"""Names from the built-in evaluator catalogue (rules/*.yml), for the text-search baselines.

    catalogue_names.py RULES_DIR methods    one alternation regex of the evaluator method names
                                            (the called name: `boolVariation`, `IsEnabled`,
                                            `boolVariationForKey`, ...): the ripgrep floor
    catalogue_names.py RULES_DIR prefilter LANG
                                            one name a line: for each pattern that applies to
                                            LANG (swift, python, c, cpp, objc, objcpp), its
                                            longest spelled identifier outside the argument
                                            lists (receiver paths, member names, Objective-C
                                            selector pieces), which is what flaglint's byte
                                            prefilter (Pattern.prefilterName) searches for in a
                                            file of that language, any one admitting the file

Only `match: "..."` lines are read (the catalogue writes every pattern that way).
"""
import glob
import os
import re
import sys

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


CFAMILY = ["c", "cpp", "objc", "objcpp"]


def patterns(rules_dir, language=None):
    """Every `match:` pattern, or those whose entry's `language:` covers `language`."""
    out = []
    for path in sorted(glob.glob(os.path.join(rules_dir, "*.yml"))):
        langs = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                lm = re.match(r"\s*-?\s*language:\s*(.*?)\s*$", line)
                if lm:
                    langs = [l.strip() for l in lm.group(1).strip("[]").split(",")]
                    if "cfamily" in langs:
                        langs = CFAMILY
                m = re.match(r'\s*(?:-\s*)?match:\s*"(.*)"\s*$', line)
                if m and (language is None or (langs and language in langs)):
                    out.append(m.group(1).replace('\\"', '"'))
    return out


def outside_arguments(p):
    """The pattern text with every (...) argument list removed."""
    depth, out = 0, []
    for ch in p:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def names(p):
    """(method name, all spelled names) of one pattern."""
    if p.startswith("["):  # Objective-C message: selector pieces are `name:`
        pieces = re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*:", p)
        return pieces[0], pieces
    text = outside_arguments(p)
    spelled = []
    for m in IDENT.finditer(text):
        start = m.start()
        if start > 0 and text[start - 1] == "$":
            continue  # a metavariable
        spelled.append(m.group(0))
    # the method is the last name directly followed by an argument list
    calls = re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(", p)
    method = calls[-1] if calls else (spelled[-1] if spelled else None)
    return method, spelled


def main():
    rules_dir, what = sys.argv[1], sys.argv[2]
    if what == "methods":
        ms = sorted({names(p)[0] for p in patterns(rules_dir) if names(p)[0]})
        print("|".join(ms))
    elif what == "prefilter" and len(sys.argv) == 4:
        ns = set()
        for p in patterns(rules_dir, sys.argv[3]):
            spelled = names(p)[1]
            if spelled:
                # Longest first, then alphabetical: the choice of Pattern.prefilterName.
                ns.add(min(spelled, key=lambda n: (-len(n), n)))
        for n in sorted(ns):
            print(n)
    else:
        sys.exit("usage: catalogue_names.py RULES_DIR methods|prefilter LANG")


if __name__ == "__main__":
    main()
