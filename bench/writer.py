#!/usr/bin/env python3
"""The writer of bench/writes.sh: anonymous likes of posts at a fixed rate and new anonymous
comments at another, for a fixed time, against a Gazette on this machine (127.0.0.1 only).

    python3 bench/writer.py --base-url http://127.0.0.1:18080 --seconds 18 --likes 20 --comments 1 \
        --dist spread --posts 2000 --hot slug1,slug2,...
    python3 bench/writer.py --base-url ... --preflight --hot slug1,...   # checks the app's settings
    python3 bench/writer.py --base-url ... --prime --posts 2000 --hot x  # reads every post and tree once

A like is PUT /api/v1/posts/{slug}/like with a fresh random X-Visitor-Id (a new visitor, so every
like changes the post's count); a comment is POST /api/v1/posts/{slug}/comments with a unique email
and text. Targets: "spread" picks among bench-wxr-0 .. bench-wxr-(N-1) uniformly, "hot" among the
given (newest) slugs only.

Requests are sent on a fixed schedule: slot i of a stream is due at start + i / rate, shared
round-robin by threads (one per 2.5 requests/s, each with a keep-alive connection), so up to
rate / 2.5 requests are in flight. A late request is still sent, but nothing is sent after
--seconds: slots not reached by then are counted as "missed", and "rate" is what was achieved
(sent / seconds). At most ceil(rate * seconds) requests per stream. Prints one JSON line.
"""
import argparse
import http.client
import json
import math
import random
import sys
import threading
import time
import urllib.parse
import uuid

TIMEOUT = 10  # seconds per request


class Stream:
    def __init__(self, name, rate, seconds, workers):
        self.name, self.rate = name, rate
        self.slots = math.ceil(rate * seconds) if rate > 0 else 0
        self.workers = max(1, min(workers, self.slots)) if self.slots else 0
        self.lock = threading.Lock()
        self.sent = self.ok = self.errors = self.approved = 0
        self.statuses = {}
        self.max_late = 0.0
        self.latencies = []

    def record(self, status, seconds, approved=False):
        with self.lock:
            self.sent += 1
            key = str(status)
            self.statuses[key] = self.statuses.get(key, 0) + 1
            if isinstance(status, int) and 200 <= status < 300:
                self.ok += 1
                self.approved += approved
            else:
                self.errors += 1
            self.latencies.append(seconds)

    def summary(self, elapsed):
        lat = sorted(self.latencies)
        pct = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1) if lat else None
        out = {"target": self.rate, "rate": round(self.sent / elapsed, 2),
               "scheduled": self.slots, "sent": self.sent, "ok": self.ok, "errors": self.errors,
               "missed": self.slots - self.sent, "statuses": self.statuses, "workers": self.workers,
               "maxLateSeconds": round(self.max_late, 2), "p50ms": pct(0.5), "p99ms": pct(0.99)}
        if self.name == "comments":
            out["approved"] = self.approved
        return out


class Client:
    """One keep-alive connection, reopened after a failure."""

    def __init__(self, host, port):
        self.host, self.port, self.conn = host, port, None

    def send(self, method, path, body=None, headers=None, accept="application/json"):
        """Returns (status or error name, parsed JSON body or None)."""
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            data = json.dumps(body).encode() if body is not None else b""
            h = {"Content-Length": str(len(data)), **(headers or {})}
            if accept:
                h["Accept"] = accept
            if body is not None:
                h["Content-Type"] = "application/json"
            self.conn.request(method, path, body=data, headers=h)
            resp = self.conn.getresponse()
            raw = resp.read()
            if resp.getheader("Connection", "").lower() == "close":
                self.close()
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = None
            return resp.status, parsed
        except (OSError, http.client.HTTPException) as e:
            self.close()
            return type(e).__name__, None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def like(client, slug):
    return client.send("PUT", "/api/v1/posts/" + urllib.parse.quote(slug) + "/like",
                       headers={"X-Visitor-Id": uuid.uuid4().hex})


def comment(client, slug):
    u = uuid.uuid4().hex
    return client.send("POST", "/api/v1/posts/" + urllib.parse.quote(slug) + "/comments", body={
        "authorName": "Bench Reader " + u[:6], "authorEmail": "reader-" + u + "@example.com",
        "content": "Bench comment " + u + ": thanks for the piece, more of this please."})


def run_stream(stream, send, pick, host, port, start, end):
    def worker(k):
        client = Client(host, port)
        rng = random.Random()
        try:
            for slot in range(k, stream.slots, stream.workers):
                due = start + slot / stream.rate
                now = time.monotonic()
                if due >= end or now >= end:
                    break
                if due > now:
                    time.sleep(due - now)
                else:
                    with stream.lock:
                        stream.max_late = max(stream.max_late, now - due)
                t0 = time.monotonic()
                status, body = send(client, pick(rng))
                approved = isinstance(body, dict) and body.get("status") == "approved"
                stream.record(status, time.monotonic() - t0, approved)
        finally:
            client.close()

    return [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(stream.workers)]


def preflight(host, port, hot):
    """Two comments by one email in a row and a like: all must be 2xx and the comments approved,
    else the app does not run with the bench settings (flood control, rate limit, moderation)."""
    client, problems = Client(host, port), []
    email = "preflight-" + uuid.uuid4().hex + "@example.com"
    for i in range(2):
        status, body = client.send("POST", "/api/v1/posts/" + hot[0] + "/comments", body={
            "authorName": "Bench Preflight", "authorEmail": email, "content": "Preflight %d %s" % (i, uuid.uuid4().hex)})
        if status != 201:
            problems.append("comment %d: %s %s" % (i + 1, status, body))
        elif (body or {}).get("status") != "approved":
            problems.append("comment %d stored as %s, not approved (moderation)" % (i + 1, (body or {}).get("status")))
    status, body = like(client, hot[0])
    if status != 200:
        problems.append("like: %s %s" % (status, body))
    client.close()
    print(json.dumps({"preflight": "ok" if not problems else "failed", "problems": problems}))
    return not problems


def prime(host, port, posts, threads=8):
    """GETs each post and its comment tree's first page once (at most 20,000 posts), so the
    baseline starts from a filled response cache as a site in service has it (for wrk's requests:
    no Accept header, which is part of the cache's key)."""
    paths = []
    for i in range(min(posts, 20000)):
        paths += ["/api/v1/posts/bench-wxr-%d" % i, "/api/v1/posts/bench-wxr-%d/comments" % i]
    lock, counts, start = threading.Lock(), {}, time.monotonic()

    def worker(k):
        client = Client(host, port)
        for path in paths[k::threads]:
            # no Accept header, as wrk sends none: the cache's key includes it
            status, _ = client.send("GET", path, accept=None)
            with lock:
                counts[str(status)] = counts.get(str(status), 0) + 1
        client.close()

    ts = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=600)
    print(json.dumps({"primed": len(paths), "statuses": counts, "seconds": round(time.monotonic() - start, 1)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--likes", type=float, default=0, help="likes per second")
    ap.add_argument("--comments", type=float, default=1, help="comments per second")
    ap.add_argument("--dist", choices=["spread", "hot"], default="spread")
    ap.add_argument("--posts", type=int, default=2000, help="spread: bench-wxr-0 .. bench-wxr-(N-1)")
    ap.add_argument("--hot", required=True, help="comma-separated slugs of the newest posts")
    ap.add_argument("--preflight", action="store_true")
    ap.add_argument("--prime", action="store_true")
    a = ap.parse_args()

    url = urllib.parse.urlsplit(a.base_url)
    if url.scheme != "http" or url.hostname != "127.0.0.1":
        sys.exit("writer.py only writes to http://127.0.0.1")
    host, port = url.hostname, url.port or 80
    hot = [s for s in a.hot.split(",") if s]
    if not hot:
        sys.exit("--hot needs at least one slug")
    if a.preflight:
        sys.exit(0 if preflight(host, port, hot) else 1)
    if a.prime:
        return prime(host, port, a.posts)
    if not (0 < a.seconds <= 3600) or a.likes < 0 or a.comments < 0 or a.likes > 2000 or a.comments > 100:
        sys.exit("--seconds must be in (0, 3600], --likes at most 2000/s, --comments at most 100/s")

    if a.dist == "hot":
        pick = lambda rng: rng.choice(hot)
    else:
        pick = lambda rng: "bench-wxr-%d" % rng.randrange(a.posts)
    likes = Stream("likes", a.likes, a.seconds, workers=math.ceil(a.likes / 2.5))
    comments = Stream("comments", a.comments, a.seconds, workers=math.ceil(a.comments / 2.5))
    start = time.monotonic() + 0.05
    end = start + a.seconds
    threads = (run_stream(likes, like, pick, host, port, start, end)
               + run_stream(comments, comment, pick, host, port, start, end))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0, end - time.monotonic()) + TIMEOUT + 5)
    # the achieved rate over the scheduled window (requests still in flight at its end included)
    print(json.dumps({"dist": a.dist, "seconds": round(time.monotonic() - start, 2),
                      "likes": likes.summary(a.seconds), "comments": comments.summary(a.seconds)}))


if __name__ == "__main__":
    main()
