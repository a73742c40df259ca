#!/usr/bin/env python3
"""Deterministic data generator for Gazette benchmarks. It writes only through Gazette's own
HTTP API (as an admin token), so the data is exactly what real clients would create.

Creates a category tree, tags, posts with ~600-word HTML bodies, and one post holding a large
comment thread: root threads of uneven size (a few busy ones, many small), replies nested up
to the configured depth cap. Prints a JSON summary (slugs and ids the benchmark needs)."""

import argparse
import json
import random
import sys
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

WORDS = ("harbour council ferry storm budget housing seagrass fisheries library festival climate energy "
         "school transport wildlife report minister market bridge river coast island tide quay vote plan "
         "research survey winter summer repair wall station museum theatre music novel author reader").split()


class Api:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token
        self.local = threading.local()

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as e:
            sys.exit(f"{method} {path} failed: {e.code} {e.read()[:300]!r}")


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng, words=600):
    paragraphs, left = [], words
    while left > 0:
        n = min(left, rng.randint(40, 90))
        paragraphs.append("<p>" + " ".join(sentence(rng, rng.randint(8, 15)) for _ in range(n // 12 + 1)) + "</p>")
        left -= n
    return "\n".join(paragraphs)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", default="http://127.0.0.1:8080")
    p.add_argument("--token", required=True)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--posts", type=int, default=200)
    p.add_argument("--tags", type=int, default=300)
    p.add_argument("--thread-comments", type=int, default=5000)
    p.add_argument("--thread-roots", type=int, default=100)
    p.add_argument("--workers", type=int, default=4)
    a = p.parse_args()
    rng = random.Random(a.seed)
    api = Api(a.base_url, a.token)
    pool = ThreadPoolExecutor(a.workers)

    # 20 categories in a tree: 4 roots, 16 children
    roots = [api.call("POST", "/api/v1/categories", {"name": f"Section {i}", "slug": f"bench-section-{i}"}) for i in range(4)]
    cats = roots + [api.call("POST", "/api/v1/categories", {"name": f"Desk {i}", "slug": f"bench-desk-{i}",
                                                            "parentId": roots[i % 4]["id"]}) for i in range(16)]
    tags = list(pool.map(lambda i: api.call("POST", "/api/v1/tags", {"name": f"Topic {i}", "slug": f"bench-topic-{i}"}),
                         range(a.tags)))
    post_specs = []
    for i in range(a.posts):
        post_specs.append({
            "title": sentence(rng, rng.randint(5, 10))[:-1] + f" ({i})",
            "slug": f"bench-post-{i}",
            "content": body(rng),
            "status": "published",
            "publishedAt": f"2026-{1 + i * 10 // a.posts:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
            "categories": [str(rng.choice(cats)["id"])],
            "tags": [str(t["id"]) for t in rng.sample(tags, 3)],
        })
    posts = list(pool.map(lambda s: api.call("POST", "/api/v1/posts", s), post_specs))
    thread_post = posts[0]

    # the big thread: uneven root threads (weights ~ 1/rank), replies nested to the cap
    weights = [1 / (r + 1) ** 0.9 for r in range(a.thread_roots)]
    replies_left = a.thread_comments - a.thread_roots
    sizes = [int(replies_left * w / sum(weights)) for w in weights]
    sizes[0] += replies_left - sum(sizes)
    nodes = []  # (index, parent_index, depth)
    for r in range(a.thread_roots):
        root = len(nodes)
        nodes.append((root, None, 0))
        members = [(root, 0)]
        for _ in range(sizes[r]):
            parent, depth = members[min(len(members) - 1, int(rng.expovariate(1 / 6)))] if rng.random() < 0.5 \
                else rng.choice(members)
            # depth here is the posting wave (parent's + 1); Gazette itself caps nesting at its max depth
            idx = len(nodes)
            nodes.append((idx, parent, depth + 1))
            members.insert(0, (idx, depth + 1))
    ids = {}
    by_depth = {}
    for node in nodes:
        by_depth.setdefault(node[2], []).append(node)
    path = f"/api/v1/posts/{thread_post['id']}/comments"

    def post_comment(node):
        idx, parent, _ = node
        payload = {"content": sentence(random.Random(a.seed * 1_000_003 + idx), 12) + f" #{idx}"}
        if parent is not None:
            payload["parentId"] = ids[parent]
        ids[idx] = api.call("POST", path, payload)["id"]

    for depth in sorted(by_depth):
        list(pool.map(post_comment, by_depth[depth]))
    print(json.dumps({"posts": len(posts), "categories": len(cats), "tags": len(tags),
                      "threadPost": thread_post["slug"], "threadComments": len(nodes),
                      "deepCategory": cats[-1]["slug"], "tag": tags[0]["slug"]}))


if __name__ == "__main__":
    main()
