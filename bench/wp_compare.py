#!/usr/bin/env python3
"""Compares a real WordPress' REST API with Gazette's, field by field, both serving the same imported export.

usage: bench/wp_compare.py WORDPRESS_URL GAZETTE_URL [--site EXPORT_SITE_URL] [--verbose]
  e.g. bench/wp_compare.py http://127.0.0.1:8090 http://127.0.0.1:8080 --site https://wpthemetestdata.wordpress.com

WordPress is served by bench/wordpress.sh; Gazette imports the same file (POST /api/v1/imports). About 350
requests: post, page, term, user, comment and media lists (filters, paging, ordering, errors), every item by id,
_embed, search, types. Ids WordPress renumbers on import (terms, users, comments; posts whose id was taken) are
matched by slug, comments by post, date and author, and WordPress' answers are translated to the export's ids;
the hosts of both and the export's site are written SITE. Prints, per kind of request and field, how many answers
differ and examples: what remains is listed in README (WordPress-compatible API, "Compared with WordPress 7.1").
"""
import json, re, sys, urllib.request, urllib.error, collections

WP, GZ = sys.argv[1].rstrip('/'), sys.argv[2].rstrip('/')
VERBOSE = '--verbose' in sys.argv
SITE = sys.argv[sys.argv.index('--site') + 1].rstrip('/') if '--site' in sys.argv else 'https://wpthemetestdata.wordpress.com'

def get(base, path):
    req = urllib.request.Request(base + path, headers={'Accept': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, {k.lower(): ', '.join(r.headers.get_all(k)) for k in set(r.headers.keys())}, json.loads(r.read() or b'null')
    except urllib.error.HTTPError as e:
        body = e.read()
        try: body = json.loads(body)
        except Exception: body = body.decode(errors='replace')[:300]
        return e.code, {k.lower(): ', '.join(e.headers.get_all(k)) for k in set(e.headers.keys())}, body

def all_pages(base, path):
    out, page = [], 1
    while True:
        sep = '&' if '?' in path else '?'
        s, h, b = get(base, f'{path}{sep}per_page=100&page={page}')
        if s != 200 or not b: break
        out += b
        if page >= int(h.get('x-wp-totalpages', '1')): break
        page += 1
    return out

# id maps: WordPress' id -> Gazette's (export) id
maps = {'categories': {}, 'tags': {}, 'users': {}, 'comments': {}, 'posts': {}, 'pages': {}, 'media': {}}
for kind in ('categories', 'tags', 'users', 'posts', 'pages', 'media'):
    g = {x['slug']: x['id'] for x in all_pages(GZ, f'/wp-json/wp/v2/{kind}')}
    for x in all_pages(WP, f'/wp-json/wp/v2/{kind}'):
        if x['slug'] in g: maps[kind][x['id']] = g[x['slug']]
gc = {(c['post'], c['date_gmt'], c['author_name']): c['id'] for c in all_pages(GZ, '/wp-json/wp/v2/comments')}
for c in all_pages(WP, '/wp-json/wp/v2/comments'):
    k = (maps['posts'].get(c['post'], maps['pages'].get(c['post'], c['post'])), c['date_gmt'], c['author_name'])
    if k in gc: maps['comments'][c['id']] = gc[k]
KIND_OF_FIELD = {'categories': 'categories', 'tags': 'tags', 'author': 'users'}

def norm_url(s):
    s = s.replace(WP, 'SITE').replace(GZ, 'SITE').replace(SITE, 'SITE').replace(SITE.replace('https:', 'http:'), 'SITE')
    def route(m):
        kind, n = m.group(1), int(m.group(2))
        return f'/wp/v2/{kind}/{maps[kind].get(n, n) if kind in maps else n}'
    s = re.sub(r'/wp/v2/(categories|tags|users|comments|posts|pages|media)/(\d+)', route, s)
    s = re.sub(r'([?&]p(?:age_id)?=)(\d+)', lambda m: m.group(1) + str(maps['posts'].get(int(m.group(2)), maps['pages'].get(int(m.group(2)), int(m.group(2))))), s)
    s = re.sub(r'([?&]post=)(\d+)', lambda m: m.group(1) + str(maps['posts'].get(int(m.group(2)), maps['pages'].get(int(m.group(2)), int(m.group(2))))), s)
    s = re.sub(r'([?&])(categories|tags)=(\d+)', lambda m: f'{m.group(1)}{m.group(2)}={maps[m.group(2)].get(int(m.group(3)), m.group(3))}', s)
    s = re.sub(r'(#comment-)(\d+)', lambda m: m.group(1) + str(maps['comments'].get(int(m.group(2)), m.group(2))), s)
    s = re.sub(r'([?&])parent=(\d+)', lambda m: f'{m.group(1)}parent={maps["comments"].get(int(m.group(2)), m.group(2))}', s) if '/comments' in s else s
    return s

def translate(v, kind=None, key=None):
    """WordPress' answer in the export's ids; kind is the resource the object belongs to."""
    if isinstance(v, dict):
        out = {}
        k2 = kind
        if 'taxonomy' in v: k2 = 'categories' if v.get('taxonomy') == 'category' else 'tags' if v.get('taxonomy') == 'post_tag' else kind
        elif 'author_name' in v: k2 = 'comments'
        elif v.get('type') == 'post' and 'slug' in v: k2 = 'posts'
        elif v.get('type') == 'page' and 'slug' in v: k2 = 'pages'
        elif v.get('type') == 'attachment' and 'slug' in v: k2 = 'media'
        elif 'avatar_urls' in v and 'name' in v and 'slug' in v: k2 = 'users'
        for k, x in v.items():
            if k == 'id' and k2 in maps and isinstance(x, int): out[k] = maps[k2].get(x, x)
            elif k in KIND_OF_FIELD and (isinstance(x, int) or (isinstance(x, list) and all(isinstance(i, int) for i in x))) and k2 not in ('users',):
                m = maps[KIND_OF_FIELD[k]]
                out[k] = [m.get(i, i) for i in x] if isinstance(x, list) else m.get(x, x)
            elif k == 'parent' and k2 in ('categories', 'comments', 'pages') and isinstance(x, int): out[k] = maps[k2].get(x, x)
            elif k == 'class_list' and isinstance(x, list) and k2 in ('posts', 'pages'):
                out[k] = [('post-' + str(maps[k2].get(int(c[5:]), c[5:]))) if re.fullmatch(r'post-\d+', c) else c for c in x]
            elif k == 'post' and k2 == 'comments' and isinstance(x, int): out[k] = maps['posts'].get(x, maps['pages'].get(x, x))
            elif k == 'featured_media' and isinstance(x, int): out[k] = maps['media'].get(x, x)
            else: out[k] = translate(x, k2, k)
        return out
    if isinstance(v, list): return [translate(x, kind, key) for x in v]
    if isinstance(v, str): return norm_url(v)
    return v

def gz(v):
    if isinstance(v, dict): return {k: gz(x) for k, x in v.items()}
    if isinstance(v, list): return [gz(x) for x in v]
    if isinstance(v, str): return norm_url(v)
    return v

diffs = collections.defaultdict(list)   # (what, field path) -> examples

def field_path(p): return re.sub(r'\[\d+\]', '[]', p)

def diff(a, b, path, what, ctx):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in b: diffs[(what, field_path(f'{path}.{k}'), 'missing in Gazette')].append((ctx, a[k], None))
            elif k not in a: diffs[(what, field_path(f'{path}.{k}'), 'only in Gazette')].append((ctx, None, b[k]))
            else: diff(a[k], b[k], f'{path}.{k}', what, ctx)
    elif isinstance(a, list) and isinstance(b, list) and (all(isinstance(x, (dict, list)) for x in a + b)):
        if len(a) != len(b): diffs[(what, field_path(path), 'length')].append((ctx, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)): diff(x, y, f'{path}[{i}]', what, ctx)
    elif a != b:
        diffs[(what, field_path(path), 'value')].append((ctx, a, b))

checked = collections.Counter()
def compare(what, path, headers=('x-wp-total', 'x-wp-totalpages', 'link', 'allow'), key='id', gzpath=None):
    s1, h1, b1 = get(WP, path)
    s2, h2, b2 = get(GZ, gzpath or path)
    checked[what] += 1
    if s1 != s2: diffs[(what, 'status', 'value')].append((path, s1, s2))
    for h in headers:
        x, y = h1.get(h), h2.get(h)
        if x is not None: x = norm_url(x)
        if y is not None: y = norm_url(y)
        if x != y: diffs[(what, 'header ' + h, 'value')].append((path, x, y))
    a, b = translate(b1), gz(b2)
    if isinstance(a, list) and isinstance(b, list) and key:
        ia, ib = [x.get(key) for x in a if isinstance(x, dict)], [x.get(key) for x in b if isinstance(x, dict)]
        if ia != ib: diffs[(what, '(order/ids)', 'value')].append((path, ia, ib))
        bm = {x.get(key): x for x in b if isinstance(x, dict)}
        for x in a:
            if isinstance(x, dict) and x.get(key) in bm: diff(x, bm[x.get(key)], '', what, f'{path} #{x.get(key)}')
    else:
        diff(a, b, '', what, path)
    return a, b

# ---- the requests ----
rev = {k: {g: w for w, g in m.items()} for k, m in maps.items()}
def per_item(what, kind, gid, q=''):
    compare(what, f'/wp-json/wp/v2/{kind}/{rev[kind].get(gid, gid)}{q}', gzpath=f'/wp-json/wp/v2/{kind}/{gid}{q}')

posts = all_pages(WP, '/wp-json/wp/v2/posts')
pages = all_pages(WP, '/wp-json/wp/v2/pages')
comments = all_pages(WP, '/wp-json/wp/v2/comments')
cats = all_pages(GZ, '/wp-json/wp/v2/categories'); tags = all_pages(GZ, '/wp-json/wp/v2/tags'); users = all_pages(GZ, '/wp-json/wp/v2/users')
first, second = (all_pages(GZ, '/wp-json/wp/v2/posts') + [{'id': 1, 'slug': 'hello-world'}] * 2)[:2]
for q in ['', '?per_page=5', '?per_page=5&page=2', '?per_page=100', '?orderby=title&order=asc&per_page=100', '?orderby=id&per_page=100',
          '?orderby=slug&order=asc&per_page=20', '?orderby=modified&per_page=20', '?search=image&per_page=50', '?search=block',
          '?sticky=true', '?sticky=false&per_page=50', '?after=2012-01-01T00:00:00&per_page=50', '?before=2010-01-01T00:00:00&per_page=50',
          '?offset=3&per_page=4', '?slug=hello-world', f'?slug={first["slug"]},{second["slug"]}', f'?include={first["id"]},{second["id"]},1&orderby=include',
          f'?exclude={first["id"]}&per_page=3', '?per_page=100&page=2', '?per_page=0', '?per_page=101', '?page=0', '?orderby=foo', '?order=up',
          '?after=yesterday', '?sticky=maybe', '?context=embed&per_page=5', '?_fields=id,title,link&per_page=5', '?status=draft']:
    compare('posts list', '/wp-json/wp/v2/posts' + q)
for c in cats[:15]: compare('posts by category', f'/wp-json/wp/v2/posts?categories={rev["categories"].get(c["id"])}&per_page=100', gzpath=f'/wp-json/wp/v2/posts?categories={c["id"]}&per_page=100')
for t in tags[:15]: compare('posts by tag', f'/wp-json/wp/v2/posts?tags={rev["tags"].get(t["id"])}&per_page=100', gzpath=f'/wp-json/wp/v2/posts?tags={t["id"]}&per_page=100')
for u in users: compare('posts by author', f'/wp-json/wp/v2/posts?author={rev["users"].get(u["id"])}&per_page=100', gzpath=f'/wp-json/wp/v2/posts?author={u["id"]}&per_page=100')
gposts = all_pages(GZ, '/wp-json/wp/v2/posts'); gpages = all_pages(GZ, '/wp-json/wp/v2/pages')
for p in gposts: per_item('post', 'posts', p['id'])
for p in gposts[:15]: per_item('post _embed', 'posts', p['id'], '?_embed')
compare('posts _embed', '/wp-json/wp/v2/posts?per_page=10&_embed')
for q in ['/99999999', '/abc', '?per_page=100', '?parent=0&per_page=100', '?orderby=menu_order&order=asc&per_page=100', '?search=page']:
    compare('pages', '/wp-json/wp/v2/pages' + q)
for p in gpages: per_item('page', 'pages', p['id'])
for kind, items in (('categories', cats), ('tags', tags)):
    for q in ['', '?per_page=100', '?per_page=100&page=2', '?hide_empty=true&per_page=100', '?orderby=count&order=desc&per_page=100',
              '?orderby=id&per_page=100', '?search=a&per_page=100', '?slug=' + items[0]['slug'], '?orderby=slug&per_page=100', '/99999999']:
        compare(kind, f'/wp-json/wp/v2/{kind}' + q)
    for x in items[:40]: per_item(kind[:-1] if kind == 'tags' else 'category', kind, x['id'])
compare('categories', '/wp-json/wp/v2/categories?parent=0&per_page=100')
for p in posts[:10]:
    compare('terms of post', f'/wp-json/wp/v2/tags?post={p["id"]}', gzpath=f'/wp-json/wp/v2/tags?post={maps["posts"].get(p["id"])}')
    compare('terms of post', f'/wp-json/wp/v2/categories?post={p["id"]}', gzpath=f'/wp-json/wp/v2/categories?post={maps["posts"].get(p["id"])}')
for q in ['', '?per_page=100', '/99999999', '?orderby=name']: compare('users', '/wp-json/wp/v2/users' + q)
for u in users: per_item('user', 'users', u['id'])
for q in ['', '?per_page=100', '?per_page=100&order=asc', '?orderby=id&per_page=100', '?parent=0&per_page=100', '/99999999', '?search=comment']:
    compare('comments', '/wp-json/wp/v2/comments' + q)
for p in {c['post'] for c in comments}: compare('comments of post', f'/wp-json/wp/v2/comments?post={p}&per_page=100', gzpath=f'/wp-json/wp/v2/comments?post={maps["posts"].get(p, maps["pages"].get(p, p))}&per_page=100')
for c in all_pages(GZ, '/wp-json/wp/v2/comments'): per_item('comment', 'comments', c['id'])
for q in ['?search=image', '?search=block&subtype=post', '?search=page&subtype=page', '?search=a&type=term', '?search=markup&per_page=3&page=2']:
    compare('search', '/wp-json/wp/v2/search' + q)
compare('search _embed', '/wp-json/wp/v2/search?search=image&_embed')
for q in ['', '?per_page=100', '?media_type=image&per_page=100', '?mime_type=image/jpeg&per_page=100', '?search=image', '?orderby=id&order=asc&per_page=100', '?_fields=id,source_url,media_details&per_page=100']:
    compare('media list', '/wp-json/wp/v2/media' + q)
for m in all_pages(GZ, '/wp-json/wp/v2/media'): per_item('media item', 'media', m['id'])
for path in ['/wp-json/wp/v2/types', '/wp-json/wp/v2/types/post', '/wp-json/wp/v2/taxonomies', '/wp-json/wp/v2/taxonomies/category', '/wp-json/wp/v2/nope']:
    compare('types/taxonomies', path, key=None)

print('compared:', dict(checked))
for (what, field, kind), ex in sorted(diffs.items()):
    print(f'\n{what} | {field} | {kind} | {len(ex)}x')
    for ctx, a, b in ex[: (5 if VERBOSE else 2)]:
        sa, sb = json.dumps(a)[:300], json.dumps(b)[:300]
        print(f'   {ctx}\n     WP: {sa}\n     GZ: {sb}')
