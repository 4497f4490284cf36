#!/usr/bin/env python3
"""Soak test of `newsbrief serve` on loopback: mixed good and hostile requests for a while, reporting
throughput, latency percentiles, errors and the server's RSS over time.

    cargo build --release -p newsbrief
    scripts/server/soak.py --minutes 30            # the run recorded in docs/BENCHMARKS.md
    scripts/server/soak.py --minutes 2 --clients 8 # a quick look

Good requests: the example story's brief (JSON), a summarize batch, /healthz, the stories API.
Hostile ones: 60,000-level nested HTML, an 8 MB repeated quote, malformed JSON, oversized bodies,
clients that send their headers one line every few seconds. Every answer must be an HTTP status (no
dropped connection for a good request); /healthz is timed on its own and must stay under 1 s.
Bounded: loopback only, one server it starts itself, stops after --minutes.
"""
import argparse
import http.client
import json
import os
import pathlib
import random
import socket
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


BOUNDARY = "soak-boundary-5d2e"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def multipart(name, data):
    head = (f"--{BOUNDARY}\r\ncontent-disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            "content-type: text/html\r\n\r\n").encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def bodies():
    docs = sorted((ROOT / "examples/sessions-kislyak").glob("*.txt"))
    articles = [{"id": d.name, "text": d.read_text()} for d in docs]
    brief = json.dumps({"articles": articles, "words": 150}).encode()
    lines = "".join(json.dumps({"id": i, "documents": [a["text"] for a in articles[i % 3:i % 3 + 2]]}) + "\n"
                    for i in range(20)).encode()
    nested = ("<html><body>" + "<ul><li>" * 60000 + "deep" + "</li></ul>" * 60000 + "</body></html>").encode()
    quote = ('"We will not back down from this fight," said Mayor Jane Smith on Tuesday.\n' * 108000).encode()
    return {
        "brief": ("POST", "/v1/brief", "application/json", brief),
        "summarize": ("POST", "/v1/summarize", "application/x-ndjson", lines),
        "stories": ("GET", "/v1/stories", None, b""),
        "article": ("POST", "/v1/articles", "application/json", None),  # made per request
        "nested": ("POST", "/v1/brief", MULTIPART, multipart("nested.html", nested)),
        "quote": ("POST", "/v1/brief", "text/plain", quote),
        "malformed": ("POST", "/v1/brief", "application/json", b'{"articles": [{"text": 12}'),
        "oversized": ("POST", "/v1/brief", "text/plain", b"x" * (21 * 1024 * 1024)),
    }


MIX = [("brief", 40), ("summarize", 15), ("stories", 10), ("article", 15), ("nested", 5), ("quote", 5),
       ("malformed", 5), ("oversized", 5)]


def request(port, method, path, content_type, body, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"content-type": content_type} if content_type else {}
    started = time.monotonic()
    try:
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return None, time.monotonic() - started
    finally:
        conn.close()


def slow_header_client(port, stop):
    """Opens a connection and sends a header line every 5 s; reports how long the server kept it."""
    held = []
    while not stop.is_set():
        sock = socket.create_connection(("127.0.0.1", port))
        started = time.monotonic()
        try:
            sock.sendall(b"GET /healthz HTTP/1.1\r\n")
            while not stop.is_set():
                time.sleep(5)
                sock.sendall(b"x-slow: 1\r\n")
        except OSError:
            held.append(time.monotonic() - started)
        finally:
            sock.close()
    return held


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--binary", default=str(ROOT / "target/release/newsbrief"))
    parser.add_argument("--kinds", default=",".join(k for k, _ in MIX),
                        help="the request kinds to send (e.g. brief: only briefs, to look for memory creep)")
    args = parser.parse_args()

    server = subprocess.Popen([args.binary, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "NEWSBRIEF_LOG": "warn"})
    line = server.stderr.readline()
    port = int(line.split("127.0.0.1:")[1].split(";")[0].split("/")[0])
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

    kinds = bodies()
    stop = threading.Event()
    lock = threading.Lock()
    results = []  # (kind, status, seconds)
    health = []
    slow_held = []

    def client(seed):
        rng = random.Random(seed)
        names = [k for k, w in MIX for _ in range(w) if k in args.kinds.split(",")]
        n = 0
        while not stop.is_set():
            kind = rng.choice(names)
            method, path, ctype, body = kinds[kind]
            if kind == "article":
                n += 1
                body = json.dumps({"id": f"c{seed}-{n}", "title": f"Story {n % 50} update",
                                   "text": kinds["brief"][3][:2000].decode(errors="ignore")}).encode()
            status, took = request(port, method, path, ctype, body)
            with lock:
                results.append((kind, status, took))

    def health_probe():
        while not stop.is_set():
            status, took = request(port, "GET", "/healthz", None, b"", timeout=5)
            with lock:
                health.append((status, took))
            time.sleep(0.5)

    def slow():
        slow_held.extend(slow_header_client(port, stop))

    request(port, *kinds["brief"][:2], kinds["brief"][2], kinds["brief"][3])  # warm-up
    idle_rss = rss_mb(server.pid)
    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    threads += [threading.Thread(target=health_probe), threading.Thread(target=slow)]
    for t in threads:
        t.start()
    started = time.monotonic()
    samples = []
    deadline = started + args.minutes * 60
    while time.monotonic() < deadline:
        time.sleep(min(30, max(1, deadline - time.monotonic())))
        with lock:
            done = len(results)
        samples.append((time.monotonic() - started, rss_mb(server.pid), done))
        print(f"{samples[-1][0]:7.0f} s  RSS {samples[-1][1]:7.1f} MB  {done} requests", flush=True)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    time.sleep(3)
    after_rss = rss_mb(server.pid)
    server.terminate()
    server.wait(timeout=60)

    elapsed = time.monotonic() - started
    print(f"\n{len(results)} requests in {elapsed:.0f} s: {len(results) / elapsed:.1f}/s with {args.clients} clients")
    print(f"{'kind':10} {'n':>6} {'p50 ms':>8} {'p99 ms':>8}  statuses")
    failed = False
    for kind, _ in MIX:
        rows = [r for r in results if r[0] == kind]
        if not rows:
            continue
        times = sorted(r[2] for r in rows)
        statuses = {}
        for r in rows:
            statuses[r[1]] = statuses.get(r[1], 0) + 1
        p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
        print(f"{kind:10} {len(rows):6} {p(0.5):8.0f} {p(0.99):8.0f}  {dict(sorted(statuses.items(), key=str))}")
        if kind in ("brief", "summarize", "stories", "article") and any(r[1] is None for r in rows):
            failed = True
    health_times = sorted(t for s, t in health)
    worst = max(health_times) if health_times else 0
    print(f"/healthz: {len(health)} probes, worst {worst * 1000:.0f} ms, "
          f"failures {sum(1 for s, _ in health if s != 200)}")
    if slow_held:
        print(f"slow-header connections closed after {min(slow_held):.0f}-{max(slow_held):.0f} s")
    print(f"RSS: idle {idle_rss:.0f} MB, peak {max(s[1] for s in samples):.0f} MB, after the load {after_rss:.0f} MB")
    if worst >= 1 or failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
