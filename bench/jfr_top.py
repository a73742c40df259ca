#!/usr/bin/env python3
"""Summarizes the CPU samples of a JFR recording: the methods most often on top of the stack
(self time) and the methods most often anywhere on it (total time), as shares of all samples.

    python3 bench/jfr_top.py recording.jfr [--top 20] [--filter dev.gazette]
"""
import argparse
import collections
import json
import subprocess


def frames(event):
    for f in event["values"]["stackTrace"]["frames"]:
        m = f["method"]
        yield m["type"]["name"].replace("/", ".") + "." + m["name"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--filter", default=None, help="only count methods whose name starts with this in the total table")
    a = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", a.recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_counts, total_counts = collections.Counter(), collections.Counter()
    for e in events:
        stack = list(frames(e))
        if not stack:
            continue
        self_counts[stack[0]] += 1
        for m in set(stack):
            if a.filter is None or m.startswith(a.filter):
                total_counts[m] += 1
    n = max(1, len(events))
    print(f"{len(events)} samples")
    print("\nself (top of stack)")
    for m, c in self_counts.most_common(a.top):
        print(f"{100 * c / n:6.1f}%  {m}")
    print("\ntotal (anywhere on the stack)" + (f", {a.filter}* only" if a.filter else ""))
    for m, c in total_counts.most_common(a.top):
        print(f"{100 * c / n:6.1f}%  {m}")


if __name__ == "__main__":
    main()
