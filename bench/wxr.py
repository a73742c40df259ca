#!/usr/bin/env python3
"""Writes a deterministic WordPress export (WXR 1.2): the benchmark's dataset, loaded through
Gazette's own import (POST /api/v1/imports).

Defaults: 2,000 posts with ~600-word HTML bodies, 20 categories in a tree, 300 tags, 3 authors,
30,000 comments spread unevenly (a few busy posts, a long quiet tail; 1 in 20 held for
moderation), one post (bench-wxr-0) holding 5,000 of them nested up to depth 10. About 35 MB.

Every post is generated from its own seeded random stream, so a dataset can be written in parts
(--part K --parts N): part K holds the K-th of N runs of posts of about equal size in bytes, and
every comment of those posts, with the same WordPress ids as in the whole file. Importing the parts one after the other gives exactly
the whole dataset (the 200,000-post / 2,000,000-comment set is loaded that way).

    python3 bench/wxr.py --out /tmp/bench.xml [--posts 2000] [--comments 30000] [--seed 7] [--part 0 --parts 1]
"""
import argparse
import bisect
import itertools
import random
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

WORDS = ("harbour council budget vote river bridge school teachers festival market rain storm energy solar "
         "grid train station museum library hospital nurses doctors election mayor street housing rent park "
         "football match season coach players concert theatre film review science study climate coast").split()
EPOCH = datetime(2020, 1, 1)
# plus a long tail of rarer words with Zipf-like frequencies (rank r drawn ~ 1/r), so a search matches a
# realistic share of posts: "q=council kanekane" matches about 6% of them, whatever their number
SYLLABLES = "ka lo ri ta ve ne mo sa di pu re lu mi to va se no fi ga be".split()
RARE = [SYLLABLES[i % 20] + SYLLABLES[i // 20 % 20] + SYLLABLES[i // 400 % 20] + "ne" for i in range(2000)]
RARE_WEIGHTS = list(itertools.accumulate(1 / (r + 1) for r in range(len(RARE))))


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def word(rng):
    if rng.random() < 0.9:
        return rng.choice(WORDS)
    return rng.choices(RARE, cum_weights=RARE_WEIGHTS)[0]


def sentence(rng, n):
    return " ".join(word(rng) for _ in range(n)).capitalize() + "."


def body(rng, words=600):
    paragraphs, left = [], words
    while left > 0:
        n = min(left, rng.randint(40, 90))
        paragraphs.append("<p>" + " ".join(sentence(rng, 10) for _ in range(max(1, n // 10))) + "</p>")
        left -= n
    return "\n\n".join(paragraphs)


def comment_counts(posts, comments, thread):
    """Comments per post: the big thread on post 0, the rest ~ 1/rank^0.8 (a few busy posts, many quiet)."""
    rest = max(0, comments - thread)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(posts - 1)]
    total_w = sum(weights)
    counts = [min(thread, comments)] + [int(rest * w / total_w) for w in weights]
    if posts > 1:
        counts[1] += comments - sum(counts)
    return counts


def part_range(counts, part, parts):
    """Posts [first, last) of a part: parts of about equal size (a post ~4.5 kB, a comment ~0.35 kB)."""
    cost = list(itertools.accumulate(4500 + 350 * c for c in counts))
    bounds = [0] + [bisect.bisect_left(cost, cost[-1] * k / parts) for k in range(1, parts)] + [len(counts)]
    return bounds[part], bounds[part + 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--comments", type=int, default=30000)
    ap.add_argument("--thread", type=int, default=5000, help="comments on the one big thread (post 0)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--part", type=int, default=0)
    ap.add_argument("--parts", type=int, default=1)
    a = ap.parse_args()
    authors = ["editor-ana", "reporter-ben", "critic-cleo"]
    cats = [("news", ""), ("sport", ""), ("culture", ""), ("opinion", "")]
    for i in range(16):
        cats.append((f"section-{i}", cats[i % 4][0] if i < 8 else f"section-{i - 8}"))
    tags = [f"topic-{i}" for i in range(300)]

    counts = comment_counts(a.posts, a.comments, a.thread)
    first, last = part_range(counts, a.part, a.parts)
    comment_id = 1 + sum(itertools.islice(counts, first))

    with open(a.out, "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench Gazette</title>\n'
          '<link>https://bench.example.org</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n'
          '<wp:base_site_url>https://bench.example.org</wp:base_site_url>\n<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>\n')
        for login in authors:
            w(f"<wp:author><wp:author_login>{login}</wp:author_login><wp:author_email>{login}@bench.example.org</wp:author_email>"
              f"<wp:author_display_name>{cdata(login.split('-')[1].title())}</wp:author_display_name></wp:author>\n")
        for slug, parent in cats:
            w(f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent>"
              f"<wp:cat_name>{cdata(slug.replace('-', ' ').title())}</wp:cat_name></wp:category>\n")
        for t in tags:
            w(f"<wp:tag><wp:tag_slug>{t}</wp:tag_slug><wp:tag_name>{cdata(t)}</wp:tag_name></wp:tag>\n")
        for p in range(first, last):
            rng = random.Random(a.seed * 1_000_003 + p)
            posted = EPOCH + timedelta(minutes=7 * p)  # newest last; 200,000 posts span 2.7 years
            date = posted.strftime("%Y-%m-%d %H:%M:%S")
            w("<item>\n")
            w(f"<title>{escape(sentence(rng, 7)[:-1])}</title>\n<dc:creator>{cdata(authors[p % 3])}</dc:creator>\n")
            w(f"<content:encoded>{cdata(body(rng))}</content:encoded>\n<excerpt:encoded>{cdata('')}</excerpt:encoded>\n")
            w(f"<wp:post_id>{p + 1}</wp:post_id>\n<wp:post_date>{date}</wp:post_date>\n<wp:post_date_gmt>{date}</wp:post_date_gmt>\n")
            w(f"<wp:comment_status>open</wp:comment_status>\n<wp:post_name>bench-wxr-{p}</wp:post_name>\n")
            w("<wp:status>publish</wp:status>\n<wp:post_type>post</wp:post_type>\n<wp:is_sticky>0</wp:is_sticky>\n")
            c1, c2 = cats[p % len(cats)][0], cats[(p * 7) % len(cats)][0]
            for c in sorted({c1, c2}):
                w(f'<category domain="category" nicename="{c}">{cdata(c)}</category>\n')
            for t in rng.sample(tags, 3):
                w(f'<category domain="post_tag" nicename="{t}">{cdata(t)}</category>\n')
            ids = []
            # the big thread: ~1 in 8 comments starts a thread, replies nest to depth 10 (9 levels below
            # the roots); elsewhere 3 in 10 start a thread and replies nest 3 deep
            limit, reply_share = (9, 0.88) if p == 0 else (2, 0.7)
            for k in range(counts[p]):
                parent = 0
                if ids and rng.random() < reply_share:
                    cand = rng.choice(ids[-50:])
                    if cand[1] < limit:
                        parent = cand[0]
                depth = 0 if parent == 0 else next(d for i, d in ids[-50:] if i == parent) + 1
                ids.append((comment_id, depth))
                cdate = (posted + timedelta(minutes=k)).strftime("%Y-%m-%d %H:%M:%S")
                w(f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>{cdata('Reader ' + str(k % 97))}</wp:comment_author>"
                  f"<wp:comment_author_email>reader{k % 97}@example.org</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>"
                  f"<wp:comment_author_IP>192.0.2.{k % 250}</wp:comment_author_IP><wp:comment_date>{cdate}</wp:comment_date>"
                  f"<wp:comment_date_gmt>{cdate}</wp:comment_date_gmt><wp:comment_content>{cdata(sentence(rng, 14) + ' ' + sentence(rng, 16))}</wp:comment_content>"
                  f"<wp:comment_approved>{'1' if k % 20 else '0'}</wp:comment_approved><wp:comment_type></wp:comment_type>"
                  f"<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n")
                comment_id += 1
            w("</item>\n")
        w("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
