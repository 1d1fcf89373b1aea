"""Nesting cases (SPEC §4 (a)-(e)) with the default max_depth 1: a finding needs a flag
inside two other distinct flags."""
import sys

from UnleashClient import UnleashClient

client = UnleashClient(url="https://unleash.example.com/api", app_name="fixtures")


# (a) branch bodies; the same flag checked again adds no depth
def branches():
    if client.is_enabled("a1"):
        if client.is_enabled("a2"):
            if client.is_enabled("a3"):  # expect: nested-flag
                pass
            if client.is_enabled("a1"):
                pass


# An elif chain is one decision: its conditions do not control each other; the final
# else is controlled by all of them.
def chain():
    if client.is_enabled("c1"):
        pass
    elif client.is_enabled("c2"):
        pass
    elif client.is_enabled("c3"):
        pass
    else:
        if client.is_enabled("c4"):  # expect: nested-flag
            pass


def loops(items):
    while client.is_enabled("w1"):
        for item in items:
            if client.is_enabled("w2"):
                client.is_enabled("w3")  # expect: nested-flag
        else:
            pass
    else:
        if client.is_enabled("w4"):
            pass
    for item in client.is_enabled("w5") and items:
        if client.is_enabled("w6"):
            client.is_enabled("w7")


def commands(command):
    match client.is_enabled("m1"):
        case True if client.is_enabled("m2"):
            client.is_enabled("m3")  # expect: nested-flag
        case _:
            client.is_enabled("m4")


# (b) conditional expressions and short circuits
def expressions():
    label = "x" if client.is_enabled("t1") else ("y" if client.is_enabled("t2") else client.is_enabled("t3"))  # expect: nested-flag
    either = client.is_enabled("o1") or client.is_enabled("o2")
    return client.is_enabled("s1") and client.is_enabled("s2") and client.is_enabled("s3")  # expect: nested-flag


# (c) early exits
def early_exit():
    if not client.is_enabled("e1"):
        return
    if not client.is_enabled("e2"): return
    client.is_enabled("e3")  # expect: nested-flag


def early_exit_in_loop(items):
    for item in items:
        if client.is_enabled("l1"):
            continue
        if client.is_enabled("l2"):
            break
        client.is_enabled("l3")  # expect: nested-flag
    client.is_enabled("l4")


def exits_in_match_cases(items):
    for item in items:
        match item.kind:
            case "a":
                if client.is_enabled("mc1"):
                    continue
                if client.is_enabled("mc2"):
                    client.is_enabled("mc3")  # expect: nested-flag
            case "b":
                # only one case runs: the other cases do not follow the `continue`
                if client.is_enabled("mc4"):
                    client.is_enabled("mc5")
        if client.is_enabled("mc6"):
            client.is_enabled("mc7")  # expect: nested-flag


def break_in_match_case(items):
    for item in items:
        match item.kind:
            case "a":
                if client.is_enabled("mb1"):
                    break
            case _:
                pass
        # a match is not a switch: `break` leaves the loop, so what follows the match is controlled
        if client.is_enabled("mb2"):
            client.is_enabled("mb3")  # expect: nested-flag
    client.is_enabled("mb4")


def exit_call():
    if not client.is_enabled("x1"):
        sys.exit(1)
    with open("state") as state:
        if client.is_enabled("x2"):
            raise SystemExit
    client.is_enabled("x3")  # expect: nested-flag


def deeper_exit():
    if client.is_enabled("d1"):
        for i in range(3):
            return
    if client.is_enabled("d2"):
        pass
    client.is_enabled("d3")


# (d) comprehension if clauses
def comprehensions(items):
    return [client.is_enabled("p3") for item in items if client.is_enabled("p1") if client.is_enabled("p2")]  # expect: nested-flag


# Closures and lambdas inside a branch are controlled by it
def closures():
    if client.is_enabled("k1"):
        if client.is_enabled("k2"):
            callback = lambda: client.is_enabled("k3")  # expect: nested-flag

            def inner():
                return client.is_enabled("k4")  # expect: nested-flag

            return callback, inner


# (e) aliases and walrus
def aliases():
    on = client.is_enabled("v1")
    enabled: bool = client.is_enabled("v2")
    if on:
        if enabled:
            client.is_enabled("v3")  # expect: nested-flag


def walrus():
    if (on := client.is_enabled("z1")) and client.is_enabled("z2"):
        client.is_enabled("z3")  # expect: nested-flag


def walrus_alias():
    if (on := client.is_enabled("y1")):
        pass
    if on:
        if client.is_enabled("y2"):
            client.is_enabled("y3")  # expect: nested-flag


# One level of aliasing: an alias of an alias is not followed
def alias_of_alias():
    first = client.is_enabled("r1")
    second = first
    if second:
        if client.is_enabled("r2"):
            client.is_enabled("r3")


# A class attribute is not an alias: inside a method the bare name is a global
class Banner:
    show_tips = client.is_enabled("ct1")

    def render(self):
        if show_tips:
            if client.is_enabled("ct2"):
                client.is_enabled("ct3")
        if self.show_tips:
            if client.is_enabled("ct4"):
                client.is_enabled("ct5")


# A `raise` caught by the `try` (any `except`) leaves only the `try` suite
def caught_raise():
    try:
        if not client.is_enabled("cr1"):
            raise ValueError("off")
        if client.is_enabled("cr2"):
            client.is_enabled("cr3")  # expect: nested-flag
    except ValueError:
        pass
    if client.is_enabled("cr4"):
        client.is_enabled("cr5")
    if not client.is_enabled("cr6"):
        raise ValueError("off")
    if client.is_enabled("cr7"):
        client.is_enabled("cr8")  # expect: nested-flag


# try/finally without except does not catch: the raise leaves the function
def uncaught_raise():
    try:
        if not client.is_enabled("ur1"):
            raise ValueError("off")
    finally:
        cleanup()
    if client.is_enabled("ur2"):
        client.is_enabled("ur3")  # expect: nested-flag


# Comprehensions inside comprehensions: the inner and the outer `if` clauses both control
def nested_comprehensions(rows):
    return [[client.is_enabled("nc3") for cell in row if client.is_enabled("nc2")] for row in rows if client.is_enabled("nc1")]  # expect: nested-flag


def nested_comprehension_in_clause(rows):
    return {k: [v for v in vs if client.is_enabled("nd2") and client.is_enabled("nd3")] for k, vs in rows if client.is_enabled("nd1")}  # expect: nested-flag
