#!/usr/bin/env python3
"""Loads WordPress exports into a running Gazette through its own import (POST /api/v1/imports),
one file after the other, waiting for each job. Prints one JSON line per file: status, wall and
job seconds, counts, and with --heap the peak used heap sampled from /q/metrics while it ran.

    python3 bench/load.py --base-url http://127.0.0.1:8080 --token T [--heap] export.xml [more.xml ...]
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request


def heap(base):
    text = urllib.request.urlopen(base + "/q/metrics").read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("jvm_memory_used_bytes") and 'area="heap"' in line)


def load(base, token, path, sample_heap):
    auth = {"Authorization": "Bearer " + token}
    start = time.time()
    with open(path, "rb") as body:
        req = urllib.request.Request(base + "/api/v1/imports", data=body, method="POST", headers={
            **auth, "Content-Type": "application/xml", "Content-Length": str(os.path.getsize(path))})
        location = urllib.parse.urljoin(base + "/", urllib.request.urlopen(req).headers["Location"])  # absolute since issue 12
    peak = 0
    while True:
        if sample_heap:
            peak = max(peak, heap(base))
        job = json.load(urllib.request.urlopen(urllib.request.Request(location, headers=auth)))
        if job["status"] in ("succeeded", "failed"):
            break
        time.sleep(0.25)
    c = job.get("counts") or {}
    result = {"file": os.path.basename(path), "status": job["status"], "error": job["error"],
              "wallSeconds": round(time.time() - start, 1), "jobSeconds": round((job["durationMs"] or 0) / 1000, 1),
              "posts": c.get("posts"),
              "comments": {k: v for k, v in (c.get("comments") or {}).items() if k != "skippedReasons"}}
    if sample_heap:
        result["peakHeapMB"] = round(peak / 2 ** 20)
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--heap", action="store_true", help="sample the used heap while the import runs")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    for path in a.files:
        result = load(a.base_url.rstrip("/"), a.token, path, a.heap)
        print(json.dumps(result), flush=True)
        if result["status"] != "succeeded":
            sys.exit(1)


if __name__ == "__main__":
    main()
