#!/usr/bin/env python3
"""Deterministic benchmark corpus for flaglint (docs/benchmark.md).

Writes realistic-looking Swift, Python and C-family (C, C++, Objective-C) files into OUT:
classes, methods, control flow, comments and string literals, built from a vocabulary of
ordinary application words. A few percent of the files evaluate feature flags through the
built-in SDKs (LaunchDarkly, OpenFeature, django-waffle, Chromium base::Feature), some
nested, some with a `true` default; a few other files only *mention* the SDK calls in
comments and strings (decoys: a text search counts them, a linter must not). Everything
else is flag-free code, the prefilter case.

The same seed always gives the same bytes. A manifest (JSON) records what was written:
lines and files per language, and the evaluations, `true` defaults, nested-flag findings
and decoy mentions the generator inserted, so the benchmark can print expected counts.

    gen_corpus.py OUT [--lines 1050000] [--seed 20260101] [--flag-rate 0.04] [--manifest FILE]
"""
import argparse
import json
import os
import random
import sys

# Ordinary application vocabulary. Each file draws its own topic (a subset of these words),
# so a word such as `user`, `base` or `database` is in some files and not others. The subset
# sizes are calibrated so that about a third of the files contain `base` or `user` (substrings
# some evaluator patterns spell); real code is similar: 33% of the CPython 3.11 standard
# library's files, 33% of /usr/include, 26% of the Swift package checkouts flaglint builds.
NOUNS = """account address amount animation asset attachment audit avatar badge balance banner
basket batch booking bucket buffer cache card cart catalog category channel checkout client
comment config connection contact content context coupon currency cursor customer dashboard
database date delivery device discount document draft entry error event export feed field
file filter folder formatter gateway group handler header history image index inventory
invoice item job label layout ledger limit link list locale location log manager media
message metric model module notification offer order owner page payload payment period
permission photo pipeline plan policy post preference price product profile promotion
query queue quota rate receipt record refund region report request reservation resource
response result review role route rule schedule schema score search section segment
session settings shipment signature snapshot source status step stock store stream
subscription summary supplier table tag task tax blueprint tenant theme thread ticket
timer token topic total transaction transfer upload usage user value vendor version
view voucher wallet warehouse widget window workspace""".split()
VERBS = """add apply archive build cancel check clear close compute configure convert copy
create decode delete dispatch encode enqueue ensure evaluate export fetch filter find
flush format handle import insert load lookup map merge migrate normalize notify open parse
persist prepare process publish push query refresh register reload remove render replace
reset resolve restore retry save schedule search send serialize show sort split start stop
store submit sync track transform update upload validate verify""".split()
ADJ = """active cached current default draft empty expired external failed final first
internal last local main new old pending primary public raw recent remote selected shared
stale temporary total valid visible""".split()
COMMENT_WORDS = """the this a an we it must should never always when if before after because
so that only once every each value request cache is are be called returns keeps holds
for with from into on in of to and or not yet still""".split()

FLAG_KEYS = """new-checkout express-shipping gift-wrap holiday-banner fuzzy-matching dark-mode
one-tap-pay smart-reorder live-chat new-onboarding fast-search price-alerts saved-carts
quick-view loyalty-points instant-refund beta-dashboard split-payments guest-checkout
order-tracking""".split()


def camel(words):
    return words[0] + "".join(w[:1].upper() + w[1:] for w in words[1:])


def pascal(words):
    return "".join(w[:1].upper() + w[1:] for w in words)


def snake(words):
    return "_".join(words)


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.begin_file()

    def begin_file(self):
        """A new file: pick its topic words."""
        self.nouns = self.r.sample(NOUNS, 30)
        self.verbs = self.r.sample(VERBS, 25)
        self.adjs = self.r.sample(ADJ, 6)
        self.comment = COMMENT_WORDS + self.nouns + self.verbs

    def noun(self):
        return self.r.choice(self.nouns)

    def verb(self):
        return self.r.choice(self.verbs)

    def adj(self):
        return self.r.choice(self.adjs)

    def var_words(self):
        r = self.r.random()
        if r < 0.45:
            return [self.noun()]
        if r < 0.8:
            return [self.adj(), self.noun()]
        return [self.noun(), self.noun()]

    def func_words(self):
        return [self.verb()] + ([self.adj()] if self.r.random() < 0.3 else []) + [self.noun()]

    def type_words(self):
        return [self.noun()] + ([self.r.choice(["manager", "service", "controller", "store", "handler", "view", "model", "client", "builder"])]
                                if self.r.random() < 0.7 else [])

    def sentence(self, n=None):
        n = n or self.r.randint(4, 12)
        words = [self.r.choice(self.comment) for _ in range(n)]
        s = " ".join(words)
        return s[:1].upper() + s[1:] + "."

    def string_text(self):
        r = self.r.random()
        if r < 0.3:
            return "%s %s" % (self.verb(), self.noun())
        if r < 0.6:
            return "/api/v%d/%s/%s" % (self.r.randint(1, 3), self.noun() + "s", self.noun())
        if r < 0.8:
            return "%s.%s" % (self.noun(), self.noun())
        return self.sentence(self.r.randint(3, 7))[:-1]


# ---------------------------------------------------------------------------------------
# Flag evaluations: (expression, default_is_true) per language and SDK.

NEST_KEYS = set()  # keys already used by the enclosing checks of one nest: a nest uses distinct flags


def key(g):
    k = g.r.choice([k for k in FLAG_KEYS if k not in NEST_KEYS])
    NEST_KEYS.add(k)
    return k


class FlagPlan:
    """What a flag file inserts; counted into the manifest."""

    def __init__(self):
        self.evaluations = 0
        self.true_defaults = 0
        self.nested_findings = 0
        self.by_sdk = {}

    def count(self, sdk, true_default):
        self.evaluations += 1
        self.by_sdk[sdk] = self.by_sdk.get(sdk, 0) + 1
        if true_default:
            self.true_defaults += 1


def swift_eval(g, plan, true_default):
    k = key(g)
    d = "true" if true_default else "false"
    c = g.r.random()
    if c < 0.45:
        recv = g.r.choice(["client", "LDClient.get()!", "self.flags", "ldClient"])
        plan.count("launchdarkly", true_default)
        return "%s.boolVariation(forKey: \"%s\", defaultValue: %s)" % (recv, k, d)
    plan.count("openfeature", true_default)
    recv = g.r.choice(["client", "OpenFeatureAPI.shared.getClient()", "featureClient"])
    return "%s.getBooleanValue(key: \"%s\", defaultValue: %s)" % (recv, k, d)


def python_eval(g, plan, true_default):
    k = key(g)
    c = g.r.random()
    if c < 0.6 or true_default:
        plan.count("launchdarkly", true_default)
        d = "True" if true_default else "False"
        return "ldclient.get().variation(\"%s\", %s, %s)" % (k, g.r.choice(["ctx", "context", "self.context"]), d)
    plan.count("django-waffle", False)
    return "waffle.flag_is_active(request, \"%s\")" % k


def cpp_eval(g, plan, true_default, features):
    c = g.r.random()
    if c < 0.55:
        k = key(g)
        d = "true" if true_default else "false"
        recv = g.r.choice(["client.", "client_->", "ld_client->", "sdk."])
        plan.count("launchdarkly", true_default)
        return "%sBoolVariation(context, \"%s\", %s)" % (recv, k, d)
    name = "k" + pascal(key(g).split("-"))
    if name in features:
        true_default = features[name]
    else:
        features[name] = true_default
    plan.count("chromium", true_default)
    return "base::FeatureList::IsEnabled(%s)" % name


def objc_eval(g, plan, true_default):
    k = key(g)
    d = "YES" if true_default else "NO"
    plan.count("launchdarkly", true_default)
    return "[[LDClient get] boolVariationForKey:@\"%s\" defaultValue:%s]" % (k, d)


# ---------------------------------------------------------------------------------------
# Swift


class SwiftWriter:
    def __init__(self, g):
        self.g = g

    def expr(self, vars_):
        g = self.g
        r = g.r.random()
        v = g.r.choice(vars_) if vars_ else "0"
        if r < 0.25:
            return "%s.%s" % (v, camel(g.var_words()))
        if r < 0.45:
            return "%s(%s)" % (camel(g.func_words()), v)
        if r < 0.6:
            return "\"%s\"" % g.string_text()
        if r < 0.7:
            return "\"\\(%s) %s\"" % (v, g.noun())
        if r < 0.85:
            return "%s + %d" % (v, g.r.randint(1, 100))
        return "%s.count" % v

    def cond(self, vars_):
        g = self.g
        v = g.r.choice(vars_) if vars_ else "value"
        return g.r.choice(["%s.isEmpty" % v, "%s > %d" % (v, g.r.randint(0, 50)), "!%s" % camel(["is"] + [g.adj()]),
                           "%s != nil" % v, "%s.%s" % (v, camel(["is", g.adj()])), "count %% %d == 0" % g.r.randint(2, 9)])

    def block(self, out, ind, vars_, depth, budget):
        g = self.g
        n = g.r.randint(2, 6)
        for _ in range(n):
            if budget[0] <= 0:
                break
            r = g.r.random()
            sp = "    " * ind
            if r < 0.3:
                name = camel(g.var_words())
                out.append("%s%s %s = %s" % (sp, g.r.choice(["let", "let", "var"]), name, self.expr(vars_)))
                vars_ = vars_ + [name]
                budget[0] -= 1
            elif r < 0.45 and depth < 3:
                out.append("%sif %s {" % (sp, self.cond(vars_)))
                self.block(out, ind + 1, vars_, depth + 1, budget)
                if g.r.random() < 0.4:
                    out.append("%s} else {" % sp)
                    self.block(out, ind + 1, vars_, depth + 1, budget)
                out.append("%s}" % sp)
                budget[0] -= 3
            elif r < 0.55 and depth < 3:
                it = g.noun()
                out.append("%sfor %s in %s {" % (sp, it, g.r.choice(vars_) if vars_ else "items"))
                self.block(out, ind + 1, vars_ + [it], depth + 1, budget)
                out.append("%s}" % sp)
                budget[0] -= 2
            elif r < 0.62:
                out.append("%sguard let %s = %s else { return }" % (sp, g.noun(), self.expr(vars_)))
                budget[0] -= 1
            elif r < 0.7:
                out.append("%s// %s" % (sp, g.sentence()))
                budget[0] -= 1
            elif r < 0.76 and depth < 3:
                v = g.r.choice(vars_) if vars_ else "state"
                out.append("%sswitch %s {" % (sp, v))
                for c in range(g.r.randint(2, 4)):
                    out.append("%scase .%s:" % (sp, g.adj()))
                    out.append("%s    %s(%s)" % (sp, camel(g.func_words()), v))
                out.append("%sdefault:" % sp)
                out.append("%s    break" % sp)
                out.append("%s}" % sp)
                budget[0] -= 6
            else:
                out.append("%s%s(%s)" % (sp, camel(g.func_words()), self.expr(vars_)))
                budget[0] -= 1

    def flag_method(self, out, plan, nest, true_at):
        g = self.g
        out.append("")
        out.append("    func %s() {" % camel(g.func_words()))
        sp = "        "
        NEST_KEYS.clear()
        for level in range(nest):
            e = swift_eval(g, plan, level == true_at)
            out.append("%s%sif %s {" % (sp, "    " * level, e))
            out.append("%s%s    %s()" % (sp, "    " * level, camel(g.func_words())))
        for level in reversed(range(nest)):
            out.append("%s%s}" % (sp, "    " * level))
        out.append("    }")
        if nest >= 3:
            plan.nested_findings += nest - 2

    def file(self, target, flags, decoy):
        g = self.g
        out = ["//", "//  %s.swift" % pascal(g.type_words()), "//", "//  %s" % g.sentence(), "//", "",
               "import Foundation"]
        if g.r.random() < 0.5:
            out.append("import " + g.r.choice(["UIKit", "Combine", "SwiftUI", "os"]))
        if flags:
            out.append("import LaunchDarkly")
        out.append("")
        plan = FlagPlan()
        flag_done = 0
        while len(out) < target:
            tname = pascal(g.type_words())
            out.append("/// %s" % g.sentence())
            out.append("%s %s {" % (g.r.choice(["final class", "struct", "class"]), tname))
            fields = []
            for _ in range(g.r.randint(2, 6)):
                f = camel(g.var_words())
                fields.append(f)
                out.append("    %s %s: %s" % (g.r.choice(["let", "var", "private var"]), f,
                                               g.r.choice(["String", "Int", "[String]", "Date?", "Bool", pascal([g.noun()])])))
            for _ in range(g.r.randint(2, 6)):
                if len(out) >= target:
                    break
                if flags and flag_done < flags:
                    nest = g.r.choice([1, 1, 1, 2, 2, 3])
                    self.flag_method(out, plan, nest, g.r.randrange(nest) if g.r.random() < 0.25 else -1)
                    flag_done += 1
                    continue
                out.append("")
                if decoy and g.r.random() < 0.5:
                    out.append("    // Was `client.boolVariation(forKey: \"%s\", defaultValue: false)`; now always on." % g.r.choice(FLAG_KEYS))
                    out.append("    let note = \"call getBooleanValue(key:defaultValue:) before render\"")
                    plan_decoys[0] += 2
                    decoy = False
                out.append("    /// %s" % g.sentence())
                params = ", ".join("%s: %s" % (camel(g.var_words()), g.r.choice(["String", "Int", "Bool"]))
                                   for _ in range(g.r.randint(0, 3)))
                out.append("    func %s(%s)%s {" % (camel(g.func_words()), params, g.r.choice(["", " throws", " -> Bool"])))
                self.block(out, 2, list(fields), 0, [g.r.randint(6, 25)])
                out.append("    }")
            out.append("}")
            out.append("")
        return "\n".join(out) + "\n", plan


# ---------------------------------------------------------------------------------------
# Python


class PythonWriter:
    def __init__(self, g):
        self.g = g

    def expr(self, vars_):
        g = self.g
        r = g.r.random()
        v = g.r.choice(vars_) if vars_ else "None"
        if r < 0.25:
            return "%s.%s" % (v, snake(g.var_words()))
        if r < 0.45:
            return "%s(%s)" % (snake(g.func_words()), v)
        if r < 0.6:
            return "\"%s\"" % g.string_text()
        if r < 0.7:
            return "f\"{%s} %s\"" % (v, g.noun())
        if r < 0.8:
            return "[%s for %s in %s if %s]" % (g.noun(), g.noun(), v, "True")
        return "len(%s) + %d" % (v, g.r.randint(1, 100))

    def cond(self, vars_):
        g = self.g
        v = g.r.choice(vars_) if vars_ else "value"
        return g.r.choice(["not %s" % v, "%s > %d" % (v, g.r.randint(0, 50)), "%s is None" % v,
                           "%s.is_%s" % (v, g.adj()), "isinstance(%s, %s)" % (v, pascal([g.noun()]))])

    def block(self, out, ind, vars_, depth, budget):
        g = self.g
        n = g.r.randint(2, 6)
        sp = "    " * ind
        wrote = False
        for _ in range(n):
            if budget[0] <= 0:
                break
            r = g.r.random()
            wrote = True
            if r < 0.3:
                name = snake(g.var_words())
                out.append("%s%s = %s" % (sp, name, self.expr(vars_)))
                vars_ = vars_ + [name]
                budget[0] -= 1
            elif r < 0.45 and depth < 3:
                out.append("%sif %s:" % (sp, self.cond(vars_)))
                self.block(out, ind + 1, vars_, depth + 1, budget)
                if g.r.random() < 0.4:
                    out.append("%selse:" % sp)
                    self.block(out, ind + 1, vars_, depth + 1, budget)
                budget[0] -= 2
            elif r < 0.55 and depth < 3:
                it = g.noun()
                out.append("%sfor %s in %s:" % (sp, it, g.r.choice(vars_) if vars_ else "items"))
                self.block(out, ind + 1, vars_ + [it], depth + 1, budget)
                budget[0] -= 1
            elif r < 0.62 and depth < 3:
                out.append("%stry:" % sp)
                self.block(out, ind + 1, vars_, depth + 1, budget)
                out.append("%sexcept %sError as exc:" % (sp, pascal([g.noun()])))
                out.append("%s    logger.warning(\"%s: %%s\", exc)" % (sp, g.string_text()))
                budget[0] -= 3
            elif r < 0.7:
                out.append("%s# %s" % (sp, g.sentence()))
                budget[0] -= 1
            else:
                out.append("%s%s(%s)" % (sp, snake(g.func_words()), self.expr(vars_)))
                budget[0] -= 1
        if not wrote:
            out.append("%spass" % sp)

    def flag_method(self, out, plan, nest, true_at):
        g = self.g
        out.append("")
        out.append("    def %s(self, request, ctx):" % snake(g.func_words()))
        NEST_KEYS.clear()
        for level in range(nest):
            e = python_eval(g, plan, level == true_at)
            out.append("%sif %s:" % ("    " * (level + 2), e))
            out.append("%s%s(request)" % ("    " * (level + 3), snake(g.func_words())))
        if nest >= 3:
            plan.nested_findings += nest - 2

    def file(self, target, flags, decoy):
        g = self.g
        out = ['"""%s"""' % g.sentence(), ""]
        mods = ["import logging", "import json", "from datetime import datetime, timedelta",
                "from typing import Optional, List", "import os"]
        out += sorted(set(g.r.sample(mods, 3)))
        if flags:
            out += ["import ldclient", "import waffle"]
        out += ["", "logger = logging.getLogger(__name__)", ""]
        plan = FlagPlan()
        flag_done = 0
        while len(out) < target:
            tname = pascal(g.type_words())
            out.append("")
            out.append("class %s:" % tname)
            out.append('    """%s"""' % g.sentence())
            out.append("")
            fields = []
            out.append("    def __init__(self, %s):" % ", ".join(snake([g.noun()]) for _ in range(2)))
            for _ in range(g.r.randint(2, 5)):
                f = snake(g.var_words())
                fields.append("self." + f)
                out.append("        self.%s = %s" % (f, g.r.choice(["None", "[]", "{}", "0", "\"\"", "datetime.now()"])))
            for _ in range(g.r.randint(2, 6)):
                if len(out) >= target:
                    break
                if flags and flag_done < flags:
                    nest = g.r.choice([1, 1, 1, 2, 2, 3])
                    self.flag_method(out, plan, nest, g.r.randrange(nest) if g.r.random() < 0.25 else -1)
                    flag_done += 1
                    continue
                out.append("")
                if decoy and g.r.random() < 0.5:
                    out.append("    # Replaced ldclient.get().variation(\"%s\", ctx, False) with the setting." % g.r.choice(FLAG_KEYS))
                    out.append("    HELP = \"waffle.flag_is_active(request, name) is checked upstream\"")
                    plan_decoys[0] += 2
                    decoy = False
                params = ", ".join(["self"] + [snake(g.var_words()) for _ in range(g.r.randint(0, 3))])
                out.append("    def %s(%s):" % (snake(g.func_words()), params))
                out.append('        """%s"""' % g.sentence())
                self.block(out, 2, list(fields), 0, [g.r.randint(6, 25)])
        return "\n".join(out) + "\n", plan


# ---------------------------------------------------------------------------------------
# C family: C, C++, Objective-C


class CWriter:
    def __init__(self, g, dialect):
        self.g = g
        self.d = dialect  # "c", "cpp", "objc"

    def name(self, words):
        return snake(words) if self.d == "c" else camel(words)

    def expr(self, vars_):
        g = self.g
        r = g.r.random()
        v = g.r.choice(vars_) if vars_ else "0"
        if r < 0.25:
            if self.d == "objc":
                return "[%s %s]" % (v, camel(g.var_words()))
            return "%s%s%s" % (v, "->" if self.d == "c" else ".", self.name(g.var_words()))
        if r < 0.45:
            return "%s(%s)" % (self.name(g.func_words()), v)
        if r < 0.6:
            return ("@\"%s\"" if self.d == "objc" else "\"%s\"") % g.string_text()
        if r < 0.8:
            return "%s + %d" % (v, g.r.randint(1, 100))
        return "%s * %d" % (v, g.r.randint(2, 9))

    def cond(self, vars_):
        g = self.g
        v = g.r.choice(vars_) if vars_ else "value"
        return g.r.choice(["%s == 0" % v, "%s > %d" % (v, g.r.randint(0, 50)), "!%s" % v,
                           "%s != NULL" % v if self.d != "cpp" else "%s != nullptr" % v,
                           "(%s & %d) != 0" % (v, 1 << g.r.randint(0, 7))])

    def decl_type(self):
        g = self.g
        if self.d == "c":
            return g.r.choice(["int", "size_t", "const char *", "double", "uint32_t"])
        if self.d == "cpp":
            return g.r.choice(["int", "size_t", "std::string", "auto", "const auto&", "double", "bool"])
        return g.r.choice(["NSInteger", "NSString *", "BOOL", "CGFloat", "id"])

    def block(self, out, ind, vars_, depth, budget):
        g = self.g
        sp = "    " * ind
        for _ in range(g.r.randint(2, 6)):
            if budget[0] <= 0:
                break
            r = g.r.random()
            if r < 0.3:
                name = self.name(g.var_words())
                out.append("%s%s %s = %s;" % (sp, self.decl_type(), name, self.expr(vars_)))
                vars_ = vars_ + [name]
                budget[0] -= 1
            elif r < 0.45 and depth < 3:
                out.append("%sif (%s) {" % (sp, self.cond(vars_)))
                self.block(out, ind + 1, vars_, depth + 1, budget)
                if g.r.random() < 0.4:
                    out.append("%s} else {" % sp)
                    self.block(out, ind + 1, vars_, depth + 1, budget)
                out.append("%s}" % sp)
                budget[0] -= 3
            elif r < 0.55 and depth < 3:
                i = g.r.choice("ijk")
                out.append("%sfor (int %s = 0; %s < %d; ++%s) {" % (sp, i, i, g.r.randint(2, 64), i))
                self.block(out, ind + 1, vars_ + [i], depth + 1, budget)
                out.append("%s}" % sp)
                budget[0] -= 2
            elif r < 0.62 and depth < 3:
                v = g.r.choice(vars_) if vars_ else "state"
                out.append("%sswitch (%s) {" % (sp, v))
                for c in range(g.r.randint(2, 4)):
                    out.append("%scase %d:" % (sp, c))
                    out.append("%s    %s(%s);" % (sp, self.name(g.func_words()), v))
                    out.append("%s    break;" % sp)
                out.append("%s}" % sp)
                budget[0] -= 8
            elif r < 0.7:
                out.append("%s// %s" % (sp, g.sentence()) if g.r.random() < 0.7 else "%s/* %s */" % (sp, g.sentence()))
                budget[0] -= 1
            else:
                out.append("%s%s(%s);" % (sp, self.name(g.func_words()), self.expr(vars_)))
                budget[0] -= 1

    def flag_body(self, out, plan, nest, true_at, features, sp):
        g = self.g
        NEST_KEYS.clear()
        for level in range(nest):
            t = level == true_at
            e = objc_eval(g, plan, t) if self.d == "objc" else cpp_eval(g, plan, t, features)
            out.append("%s%sif (%s) {" % (sp, "    " * level, e))
            out.append("%s%s    %s();" % (sp, "    " * level, self.name(g.func_words())))
        for level in reversed(range(nest)):
            out.append("%s%s}" % (sp, "    " * level))
        if nest >= 3:
            plan.nested_findings += nest - 2

    def function(self, out, cls, decoy):
        g = self.g
        fname = self.name(g.func_words())
        ret = "int"
        if self.d == "c":
            out.append("/* %s */" % g.sentence())
            out.append("static int %s(struct %s *%s, int %s) {" % (fname, snake([g.noun()]), g.noun(), g.noun()))
        elif self.d == "cpp":
            out.append("// %s" % g.sentence())
            ret = g.r.choice(["void", "bool", "int"])
            out.append("%s %s::%s(%s) {" % (ret, cls, pascal(g.func_words()),
                                             g.r.choice(["", "int count", "const std::string& name", "bool force"])))
        else:
            out.append("/// %s" % g.sentence())
            ret = g.r.choice(["void", "BOOL", "NSInteger"])
            out.append("- (%s)%s:(NSString *)%s {" % (ret, fname, g.noun()))
        if decoy:
            if self.d == "objc":
                out.append("    // Old: [[LDClient get] boolVariationForKey:@\"%s\" defaultValue:NO]" % g.r.choice(FLAG_KEYS))
                out.append("    NSLog(@\"boolVariationForKey is no longer called here\");")
            else:
                out.append("    // Old: client.BoolVariation(context, \"%s\", false)" % g.r.choice(FLAG_KEYS))
                out.append("    const char* note = \"base::FeatureList::IsEnabled is checked by the caller\";")
            plan_decoys[0] += 2
        self.block(out, 1, ["count", "value"], 0, [g.r.randint(6, 25)])
        if ret != "void":
            out.append("    return 0;")
        out.append("}")
        out.append("")

    def file(self, target, flags, decoy):
        g = self.g
        cls = pascal(g.type_words())
        plan = FlagPlan()
        features = {}
        head = ["// Copyright 2026 The Example Authors. All rights reserved.", "// %s" % g.sentence(), ""]
        body = []
        if self.d == "c":
            head += ["#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", "#include \"%s.h\"" % snake(g.type_words()), ""]
        elif self.d == "cpp":
            head += ["#include \"%s.h\"" % snake(g.type_words()), "", "#include <string>", "#include <vector>", ""]
            if flags:
                head += ["#include \"base/feature_list.h\"", "#include <launchdarkly/server_side/client.hpp>", ""]
            body += ["namespace %s {" % g.noun(), ""]
        else:
            head += ["#import <Foundation/Foundation.h>", "#import \"%s.h\"" % cls, ""]
            if flags:
                head += ["@import LaunchDarkly;", ""]
            body += ["@implementation %s" % cls, ""]
        flag_done = 0
        while len(head) + len(body) < target:
            if flags and flag_done < flags and self.d != "c":
                nest = g.r.choice([1, 1, 1, 2, 2, 3])
                if self.d == "cpp":
                    body.append("void %s::%s() {" % (cls, pascal(g.func_words())))
                else:
                    body.append("- (void)%s {" % camel(g.func_words()))
                self.flag_body(body, plan, nest, g.r.randrange(nest) if g.r.random() < 0.25 else -1, features, "    ")
                body.append("}")
                body.append("")
                flag_done += 1
                continue
            self.function(body, cls, decoy)
            decoy = False
        if features:
            for name, on in sorted(features.items()):
                head.append("BASE_FEATURE(%s, \"%s\", base::FEATURE_%s_BY_DEFAULT);" % (name, name[1:], "ENABLED" if on else "DISABLED"))
            head.append("")
        if self.d == "cpp":
            body.append("}  // namespace")
        elif self.d == "objc":
            body.append("@end")
        return "\n".join(head + body) + "\n", plan


plan_decoys = [0]

# (language, extension, writer factory, share of lines, directory)
LAYOUT = [
    ("swift", "swift", lambda g: SwiftWriter(g), 0.34, "ios/Sources"),
    ("python", "py", lambda g: PythonWriter(g), 0.33, "server/app"),
    ("c", "c", lambda g: CWriter(g, "c"), 0.06, "native/c"),
    ("cpp", "cc", lambda g: CWriter(g, "cpp"), 0.19, "native/src"),
    ("objc", "m", lambda g: CWriter(g, "objc"), 0.08, "ios/Legacy"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--lines", type=int, default=1_050_000)
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--flag-rate", type=float, default=0.04, help="fraction of files with flag evaluations")
    ap.add_argument("--decoy-rate", type=float, default=0.01, help="fraction of files mentioning SDK calls in comments/strings only")
    ap.add_argument("--manifest")
    ap.add_argument("--only", choices=[l[0] for l in LAYOUT],
                    help="write this language only, all LINES of it (the C-family benchmark uses cpp)")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    g = Gen(rng)
    manifest = {"seed": a.seed, "flag_rate": a.flag_rate, "decoy_rate": a.decoy_rate, "languages": {},
                "files": 0, "lines": 0, "flag_files": 0, "evaluations": 0, "true_defaults": 0,
                "nested_findings": 0, "evaluations_by_sdk": {}, "evaluations_by_language": {}, "decoy_mentions": 0}
    for lang, ext, factory, share, sub in LAYOUT:
        if a.only and lang != a.only:
            continue
        writer = factory(g)
        budget = int(a.lines * (1 if a.only else share))
        lines = files = 0
        while lines < budget:
            target = rng.randint(60, 420)
            flags = rng.randint(1, 4) if (lang != "c" and rng.random() < a.flag_rate) else 0
            decoy = (not flags) and rng.random() < a.decoy_rate
            g.begin_file()
            before = plan_decoys[0]
            text, plan = writer.file(target, flags, decoy)
            module = "%s%d" % (pascal([g.noun()]), files // 40)
            d = os.path.join(a.out, sub, module)
            os.makedirs(d, exist_ok=True)
            base = (pascal if lang in ("swift", "objc") else snake)(g.type_words())
            path = os.path.join(d, "%s_%d.%s" % (base, files, ext))
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            n = text.count("\n")
            lines += n
            files += 1
            if plan.evaluations:
                manifest["flag_files"] += 1
            manifest["evaluations"] += plan.evaluations
            manifest["true_defaults"] += plan.true_defaults
            manifest["nested_findings"] += plan.nested_findings
            bl = manifest["evaluations_by_language"]
            bl[lang] = bl.get(lang, 0) + plan.evaluations
            for s, c in plan.by_sdk.items():
                manifest["evaluations_by_sdk"][s] = manifest["evaluations_by_sdk"].get(s, 0) + c
        manifest["languages"][lang] = {"files": files, "lines": lines}
        manifest["files"] += files
        manifest["lines"] += lines
    manifest["decoy_mentions"] = plan_decoys[0]
    text = json.dumps(manifest, indent=2, sort_keys=True)
    if a.manifest:
        with open(a.manifest, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
