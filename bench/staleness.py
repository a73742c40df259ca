#!/usr/bin/env python3
"""How long a change made through one Gazette instance takes to show on another instance of the
same database: edits a post's excerpt through --writer, then reads the post through --reader
(anonymous, so from its response cache when it can) until the new excerpt shows. Prints one JSON
line with the median, p99 and max in milliseconds.

    python3 bench/staleness.py --writer http://127.0.0.1:18090 --reader http://127.0.0.1:18091 \
        --token ADMIN_TOKEN --post bench-wxr-7 --edits 100

Reads are sent back to back (each ~1 ms on this machine), so the figure is exact to a
millisecond or two. Before each edit the reader's answer is read twice, so it is cached there.
"""
import argparse
import http.client
import json
import statistics
import time
import urllib.parse
import uuid


def connection(base):
    u = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=10)


def get(conn, path):
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"GET {path}: {r.status} {body[:200]!r}")
    return json.loads(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--writer", required=True)
    ap.add_argument("--reader", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--post", default="bench-wxr-7")
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--pause", type=float, default=0.05, help="seconds between edits")
    a = ap.parse_args()
    writer, reader = connection(a.writer), connection(a.reader)
    path = "/api/v1/posts/" + a.post
    delays = []
    for _ in range(a.edits):
        get(reader, path)
        get(reader, path)
        excerpt = "Edited " + uuid.uuid4().hex
        writer.request("PATCH", path, body=json.dumps({"excerpt": excerpt}),
                       headers={"Authorization": "Bearer " + a.token, "Content-Type": "application/merge-patch+json"})
        r = writer.getresponse()
        r.read()
        if r.status != 200:
            raise SystemExit(f"PATCH {path}: {r.status}")
        acknowledged = time.perf_counter()
        while get(reader, path)["excerpt"] != excerpt:
            if time.perf_counter() - acknowledged > 10:
                raise SystemExit("the edit did not show on the reader within 10 s")
        delays.append((time.perf_counter() - acknowledged) * 1000)
        time.sleep(a.pause)
    delays.sort()
    print(json.dumps({"edits": len(delays), "medianMs": round(statistics.median(delays), 1),
                      "p99Ms": round(delays[min(len(delays) - 1, int(len(delays) * 0.99))], 1),
                      "maxMs": round(delays[-1], 1)}))


if __name__ == "__main__":
    main()
