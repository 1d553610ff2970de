#!/usr/bin/env python3
"""Hostile clients for `boardpress serve` (run by serve_abuse.sh): path traversal in every
encoding, absurd requests, slowloris connections and a burst of 500 connections, then a normal
GET. Raw sockets, because curl and urllib tidy up the very requests this sends.

    serve_abuse.py PORT SERVER_PID

Exits 1 with a line per failure. Every wait is bounded, so it cannot hang CI.
"""
import os
import random
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
SERVER_PID = int(sys.argv[2])
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}", file=sys.stderr)


def exchange(raw, timeout=10.0, read_limit=1 << 20):
    """Sends `raw`, returns everything the server answers before closing ('' when it just closes)."""
    with socket.create_connection(("127.0.0.1", PORT), timeout=timeout) as s:
        try:
            s.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused half-way through a huge request: the answer may still be there
        s.settimeout(timeout)
        answer = b""
        try:
            while len(answer) < read_limit:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except ConnectionResetError:
            pass
        return answer


def status_of(answer):
    if not answer.startswith(b"HTTP/1.1 "):
        return None
    return int(answer[9:12])


def get(target, timeout=10.0):
    return exchange(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"), timeout)


def open_fds():
    return len(os.listdir(f"/proc/{SERVER_PID}/fd"))


def threads():
    return len(os.listdir(f"/proc/{SERVER_PID}/task"))


def alive(what):
    answer = get("/about.html", timeout=5)
    if status_of(answer) != 200 or b"About the board" not in answer:
        fail(f"after {what}, a normal GET answered {answer[:80]!r}")
        return False
    return True


# --- Nothing outside site/ (the project's files, the machine's), nothing hidden in it ----------
SECRETS = [b"PROJECT-SECRET", b"OUTSIDE-SECRET", b"root:x:0:0", b"boardpress-build"]
traversals = [
    "/../secret.txt", "/../../secret.txt", "/./../secret.txt", "/a/../../secret.txt",
    "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
    "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2F%2e%2e%2Fsecret.txt",
    "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/..%252fsecret.txt",
    "/%25%32%65%25%32%65/secret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
    "/%c0%ae%c0%ae/secret.txt", "/%c0%2e%c0%2e/secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt",
    "/..;/secret.txt", "/%2e%2e;/secret.txt", "//etc/passwd", "/%2fetc/passwd", "/%2Fetc%2Fpasswd",
    "/../../../../../../../../etc/passwd", "/" + "../" * 200 + "etc/passwd",
    "/%2e%2e/" * 50 + "etc/passwd", "/index.html%00", "/index.html%00.txt", "/%00../secret.txt",
    "/.boardpress-build", "/%2eboardpress-build", "/.%62oardpress-build", "/./.boardpress-build",
    "/../.site.previous/index.html", "/../.site.staging/index.html", "/outside-link.txt",
    "/linked-folder/secret.txt", "/../boardpress.json", "/%2e%2e/boardpress.json",
    "/../content/about.md", "http://127.0.0.1/../secret.txt", "../secret.txt", "*",
    "/%", "/%2", "/%zz", "/%%32e",
]
for target in traversals:
    answer = get(target)
    status = status_of(answer)
    if status not in (400, 404):
        fail(f"{target[:60]} answered {status}: {answer[:60]!r}")
    for secret in SECRETS:
        if secret in answer:
            fail(f"{target[:60]} leaked {secret!r}")
# A query or fragment is not part of the path: these are the home page.
for target in ["/index.html?/../../secret.txt", "/index.html#/../secret.txt", "/?%2e%2e/secret.txt"]:
    answer = get(target)
    if status_of(answer) != 200 or any(s in answer for s in SECRETS):
        fail(f"{target} answered {answer[:60]!r}")
# The same with HEAD, and with a query after the traversal.
for target in ["/../secret.txt?x=1", "/%2e%2e/secret.txt?", "/..%2fsecret.txt#x"]:
    answer = exchange(f"HEAD {target} HTTP/1.1\r\n\r\n".encode())
    if status_of(answer) != 404 or any(s in answer for s in SECRETS):
        fail(f"HEAD {target} answered {answer[:60]!r}")
alive("the traversals")

# --- Absurd requests: refused with a status, or the connection closed; never a crash ----------
random.seed(7)  # the same garbage every run
absurd = {
    "huge header": (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n", {431}),
    "many headers": (b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 5000 + b"\r\n", {431}),
    "huge target": (b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\n\r\n", {414, 431}),
    "long target": (b"GET /" + b"a" * 4000 + b" HTTP/1.1\r\n\r\n", {414}),
    "bogus method": (b"FROB / HTTP/1.1\r\n\r\n", {405}),
    "POST": (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", {405}),
    "PUT": (b"PUT /index.html HTTP/1.1\r\nContent-Length: 1\r\n\r\nx", {405}),
    "DELETE": (b"DELETE /index.html HTTP/1.1\r\n\r\n", {405}),
    "CONNECT": (b"CONNECT 127.0.0.1:22 HTTP/1.1\r\n\r\n", {405}),
    "lower-case method": (b"get / HTTP/1.1\r\n\r\n", {405}),
    "no version": (b"GET /\r\n\r\n", {400}),
    "HTTP/0.9": (b"GET /\r\n", {408}),
    "HTTP/2 preface": (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", {400, 405}),
    "version 9": (b"GET / HTTP/9.9\r\n\r\n", {400}),
    "empty line": (b"\r\n\r\n", {400}),
    "only spaces": (b"   \r\n\r\n", {400}),
    "NUL in target": (b"GET /index\x00.html HTTP/1.1\r\n\r\n", {400, 404}),
    "control characters": (b"GET /\x01\x02\x7f HTTP/1.1\r\n\r\n", {400, 404}),
    "high bytes": (b"GET /\xff\xfe\xc0\xaf HTTP/1.1\r\n\r\n", {400, 404}),
    "tab separated": (b"GET\t/\tHTTP/1.1\r\n\r\n", {200, 400}),
    "bare newlines": (b"GET / HTTP/1.1\n\n", {408}),
    "binary garbage": (bytes(random.randrange(256) for _ in range(20_000)), {400, 405, 431}),
    "garbage then end": (bytes(random.randrange(256) for _ in range(3000)) + b"\r\n\r\n",
                         {400, 405, 414}),
    "nothing sent": (b"", {408}),
}


def absurd_request(what, raw, expected):
    start = time.monotonic()
    answer = exchange(raw, timeout=15)
    status = status_of(answer)
    if status not in expected:
        fail(f"{what}: answered {status} ({answer[:60]!r}), expected one of {sorted(expected, key=str)}")
    if time.monotonic() - start > 12:
        fail(f"{what}: took {time.monotonic() - start:.1f} s")


# All at once: the ones that never finish their request take the server's time limit (5 s).
senders = [threading.Thread(target=absurd_request, args=(what, raw, expected))
           for what, (raw, expected) in absurd.items()]
for sender in senders:
    sender.start()
for sender in senders:
    sender.join(20)
# Connections closed at once, or reset, before sending anything.
for i in range(50):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    if i % 2:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()
alive("the absurd requests")

# --- Slowloris: idle and trickling connections must not stop others being served ---------------
baseline_fds = open_fds()
baseline_threads = threads()
stop_trickling = threading.Event()
idle = []
for i in range(40):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    if i % 2:
        s.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # a head never finished
    idle.append(s)


def trickle(sockets):
    # One more header byte every half second keeps each read from timing out on its own.
    while not stop_trickling.wait(0.5):
        for s in sockets:
            try:
                s.sendall(b"X")
            except OSError:
                pass


trickler = threading.Thread(target=trickle, args=(idle[1::2],), daemon=True)
trickler.start()
time.sleep(0.5)
start = time.monotonic()
answer = get("/about.html", timeout=30)
waited = time.monotonic() - start
if status_of(answer) != 200:
    fail(f"with 40 slow connections open, a normal GET answered {answer[:60]!r} after {waited:.1f} s")
elif waited > 2:
    fail(f"with 40 slow connections open, a normal GET took {waited:.1f} s")

# --- A burst of 500 concurrent connections, the slow ones still open ---------------------------
statuses = {}
lock = threading.Lock()


def burst(n):
    for _ in range(n):
        try:
            status = status_of(get("/index.html", timeout=30))
        except OSError as error:
            status = type(error).__name__
        with lock:
            statuses[status] = statuses.get(status, 0) + 1


# 500 connections from 100 threads: five each, all at once.
workers = [threading.Thread(target=burst, args=(5,)) for _ in range(100)]
start = time.monotonic()
for w in workers:
    w.start()
for w in workers:
    w.join(60)
took = time.monotonic() - start
answered = statuses.get(200, 0)
busy = statuses.get(503, 0)
if answered + busy != 500 or answered < 250:
    fail(f"burst: {statuses} (500 connections: each 200, or 503 when too many wait)")
print(f"burst of 500: {statuses} in {took:.1f} s")

# And 300 connections held open at once, all sending their requests together.
held = []
for _ in range(300):
    try:
        held.append(socket.create_connection(("127.0.0.1", PORT), timeout=10))
    except OSError as error:
        fail(f"could not open 300 connections: {error}")
        break
for s in held:
    s.sendall(b"GET /about.html HTTP/1.1\r\n\r\n")
held_statuses = {}
for s in held:
    s.settimeout(30)
    answer = b""
    try:
        while chunk := s.recv(65536):
            answer += chunk
    except OSError:
        pass
    s.close()
    held_statuses[status_of(answer)] = held_statuses.get(status_of(answer), 0) + 1
if set(held_statuses) - {200, 503} or held_statuses.get(200, 0) == 0:
    fail(f"300 held connections: {held_statuses}")
print(f"300 held open: {held_statuses}")

stop_trickling.set()
trickler.join()
for s in idle:
    s.close()

# --- Afterwards: answered at once, and nothing leaked ------------------------------------------
start = time.monotonic()
if alive("the burst") and time.monotonic() - start > 1:
    fail(f"a GET after the burst took {time.monotonic() - start:.1f} s")
deadline = time.monotonic() + 10
while time.monotonic() < deadline and open_fds() > baseline_fds + 2:
    time.sleep(0.1)
if open_fds() > baseline_fds + 2:
    fail(f"the server holds {open_fds()} descriptors after the burst, {baseline_fds} before")
if threads() != baseline_threads:
    fail(f"the server has {threads()} threads after the burst, {baseline_threads} before")

sys.exit(1 if failures else 0)
