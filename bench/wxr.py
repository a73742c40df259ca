#!/usr/bin/env python3
"""Writes a deterministic WordPress export (WXR 1.2) for the import benchmark.

Defaults: 2,000 posts with ~600-word HTML bodies, 20 categories in a tree, 300 tags, 3 authors,
30,000 comments spread unevenly, one post holding 5,000 of them nested up to depth 10 (about 40 MB).

    python3 bench/wxr.py --out /tmp/bench.xml [--posts 2000] [--comments 30000] [--seed 7]
"""
import argparse
import random
from xml.sax.saxutils import escape

WORDS = ("harbour council budget vote river bridge school teachers festival market rain storm energy solar "
         "grid train station museum library hospital nurses doctors election mayor street housing rent park "
         "football match season coach players concert theatre film review science study climate coast").split()


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def body(rng, words=600):
    paragraphs, left = [], words
    while left > 0:
        n = min(left, rng.randint(40, 90))
        paragraphs.append("<p>" + " ".join(sentence(rng, 10) for _ in range(max(1, n // 10))) + "</p>")
        left -= n
    return "\n\n".join(paragraphs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--comments", type=int, default=30000)
    ap.add_argument("--thread", type=int, default=5000, help="comments on the one big thread")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    authors = ["editor-ana", "reporter-ben", "critic-cleo"]
    cats = [("news", ""), ("sport", ""), ("culture", ""), ("opinion", "")]
    for i in range(16):
        cats.append((f"section-{i}", cats[i % 4][0] if i < 8 else f"section-{i - 8}"))
    tags = [f"topic-{i}" for i in range(300)]

    # comments per post: the big thread first, the rest spread unevenly (a few busy posts, many quiet)
    rest = max(0, a.comments - a.thread)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(a.posts - 1)]
    total_w = sum(weights)
    counts = [a.thread] + [int(rest * w / total_w) for w in weights]
    counts[1] += a.comments - sum(counts)

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
        comment_id = 1
        for p in range(a.posts):
            day = 1 + p % 28
            date = f"2024-{1 + p % 12:02d}-{day:02d} {p % 24:02d}:{p % 60:02d}:00"
            w("<item>\n")
            w(f"<title>{escape(sentence(rng, 7)[:-1])}</title>\n<dc:creator>{cdata(authors[p % 3])}</dc:creator>\n")
            w(f"<content:encoded>{cdata(body(rng))}</content:encoded>\n<excerpt:encoded>{cdata('')}</excerpt:encoded>\n")
            w(f"<wp:post_id>{p + 1}</wp:post_id>\n<wp:post_date>{date}</wp:post_date>\n<wp:post_date_gmt>{date}</wp:post_date_gmt>\n")
            w(f"<wp:comment_status>open</wp:comment_status>\n<wp:post_name>bench-wxr-{p}</wp:post_name>\n")
            w("<wp:status>publish</wp:status>\n<wp:post_type>post</wp:post_type>\n<wp:is_sticky>0</wp:is_sticky>\n")
            c1, c2 = cats[p % len(cats)][0], cats[(p * 7) % len(cats)][0]
            for c in {c1, c2}:
                w(f'<category domain="category" nicename="{c}">{cdata(c)}</category>\n')
            for t in rng.sample(tags, 3):
                w(f'<category domain="post_tag" nicename="{t}">{cdata(t)}</category>\n')
            ids = []
            for k in range(counts[p]):
                # the big thread nests up to depth 10 (9 levels below its roots); others two levels
                limit = 9 if p == 0 else 2
                parent = 0
                if ids and rng.random() < 0.7:
                    cand = rng.choice(ids[-50:])
                    if cand[1] < limit:
                        parent = cand[0]
                depth = 0 if parent == 0 else next(d for i, d in ids[-50:] if i == parent) + 1
                ids.append((comment_id, depth))
                cdate = f"2024-{1 + p % 12:02d}-{day:02d} {(k // 60) % 24:02d}:{k % 60:02d}:00"
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
