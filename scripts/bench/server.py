#!/usr/bin/env python3
"""Language-server benchmark (issue 12 targets; a script, not a test: nothing here asserts a time).

Drives `flaglint server` over stdio as an editor does and measures, from the client side:

  * latency from `textDocument/didChange` to the `textDocument/publishDiagnostics` for that
    version, on 2,000-line Swift, Python and C++ buffers (median and p90 of --edits edits;
    C++ after its first open, which loads libclang), in a small project and inside a large
    generated one (the server resolves keys through the whole project on every analysis);
  * the server's memory (VmRSS and peak VmHWM from /proc) on the large project after every
    buffer is open and hover, references and the flag list have read the project's facts.

    scripts/bench/server.py [--binary .build/release/flaglint] [--edits 40] [--corpus-lines 175000]
                            [--debounce 15] [--work DIR]

Buffers and the corpus come from gen_corpus.py (same seed, same bytes). Linux only (/proc).
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402

LANGUAGES = [("swift", "swift"), ("python", "py"), ("cpp", "cc")]


class Client:
    """A minimal LSP client: frames out, a reader thread collecting frames in."""

    def __init__(self, binary, root, debounce):
        env = dict(os.environ, FLAGLINT_CACHE_DIR=os.path.join(root, ".bench-cache"))
        self.p = subprocess.Popen([binary, "server", "--debounce", str(debounce)], cwd=root, env=env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.cond = threading.Condition()
        self.inbox = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root, "capabilities": {}})
        self.notify("initialized", {})

    def _read(self):
        out = self.p.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    return
                header += c
            length = next(int(l.split(b":")[1]) for l in header.split(b"\r\n") if l.lower().startswith(b"content-length"))
            body = json.loads(out.read(length))
            with self.cond:
                self.inbox.append((time.perf_counter(), body))
                self.cond.notify_all()

    def send(self, message):
        body = json.dumps(message).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, predicate, timeout=600):
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for i, (t, m) in enumerate(self.inbox):
                    if predicate(m):
                        del self.inbox[i]
                        return t, m
                if not self.cond.wait(max(0.0, deadline - time.time())):
                    raise SystemExit("server.py: timed out")

    def request(self, method, params):
        self.next_id += 1
        i = self.next_id
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == i and "method" not in m)[1]

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def memory(self):
        fields = {}
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    fields[k] = int(v.split()[0]) // 1024
        return fields

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=30)


def buffers(directory):
    """One 2,000-line file per language, with flag evaluations (some nested, some `true` defaults)."""
    gen = gen_corpus.Gen(random.Random(12))
    writers = {lang: factory for lang, _, factory, _, _ in gen_corpus.LAYOUT}
    paths = {}
    os.makedirs(directory, exist_ok=True)
    for lang, ext in LANGUAGES:
        gen.begin_file()
        text, plan = writers[lang](gen).file(2000, 12, False)
        path = os.path.join(directory, "bench_buffer.%s" % ext)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths[lang] = (path, text, plan)
    return paths


def latency(client, path, text, edits):
    """Opens the buffer, then times `edits` incremental edits (two spaces added to, then removed
    from, the end of its middle line) to the diagnostics of each new version."""
    uri = "file://" + path
    t0 = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "", "version": 1, "text": text}})
    t1, m = client.diagnostics(uri, 1)
    first = (t1 - t0) * 1000
    count = len(m["params"]["diagnostics"])
    lines = text.split("\n")
    line = len(lines) // 2
    end = len(lines[line].encode("utf-16-le")) // 2
    samples = []
    for v in range(2, edits + 2):
        if v % 2 == 0:
            change = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}}, "text": "  "}
        else:
            change = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end + 2}}, "text": ""}
        t0 = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]})
        t1, _ = client.diagnostics(uri, v)
        samples.append((t1 - t0) * 1000)
        time.sleep(0.05)
    samples.sort()
    return {"first_open_ms": first, "median_ms": statistics.median(samples),
            "p90_ms": samples[int(len(samples) * 0.9) - 1], "diagnostics": count}


def run(binary, root, paths, edits, debounce, label):
    client = Client(binary, root, debounce)
    rows = []
    for lang, _ in LANGUAGES:
        path, text, _ = paths[lang]
        r = latency(client, path, text, edits)
        rows.append((label, lang, r))
        print("%-14s %-7s first open %7.1f ms   didChange→diagnostics median %6.1f ms  p90 %6.1f ms  (%d diagnostics)"
              % (label, lang, r["first_open_ms"], r["median_ms"], r["p90_ms"], r["diagnostics"]), flush=True)
    return client, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "..", ".build", "release", "flaglint"))
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--corpus-lines", type=int, default=175000)
    ap.add_argument("--debounce", type=int, default=15)
    ap.add_argument("--work")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    if not os.access(binary, os.X_OK):
        raise SystemExit("server.py: no flaglint binary at %s (nice -n 10 swift build -c release)" % binary)
    work = a.work or tempfile.mkdtemp(prefix="flaglint-server-bench-")
    try:
        small = os.path.join(work, "small")
        shutil.rmtree(small, ignore_errors=True)
        paths = buffers(small)
        client, _ = run(binary, small, paths, a.edits, a.debounce, "small project")
        client.close()

        corpus = os.path.join(work, "corpus")
        if not os.path.isdir(corpus):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), corpus, "--lines", str(a.corpus_lines)],
                           check=True, stdout=subprocess.DEVNULL)
        inside = os.path.join(corpus, "bench")
        shutil.rmtree(inside, ignore_errors=True)
        paths = buffers(inside)
        total = 0
        for dirpath, _, files in os.walk(corpus):
            for name in files:
                if not name.startswith(".") and ".bench-cache" not in dirpath:
                    with open(os.path.join(dirpath, name), "rb") as f:
                        total += f.read().count(b"\n")
        client, _ = run(binary, corpus, paths, a.edits, a.debounce, "%dk-line project" % (total // 1000))
        # Hover, references and the flag list read every file's facts.
        uri = "file://" + paths["swift"][0]
        for method, params in [("workspace/symbol", {"query": ""}),
                               ("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})]:
            t0 = time.perf_counter()
            client.request(method, params)
            print("%-14s %s %.0f ms" % ("", method, (time.perf_counter() - t0) * 1000))
        mem = client.memory()
        print("server memory on the %d-line project: VmRSS %d MB, peak VmHWM %d MB" % (total, mem["VmRSS"], mem["VmHWM"]))
        client.close()
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
