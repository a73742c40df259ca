#!/usr/bin/env bash
# Gazette load benchmark: builds the packaged app, starts it on H2 or PostgreSQL, loads a
# deterministic dataset through Gazette's own WordPress import (bench/wxr.py), warms up, drives
# load with wrk (2 threads, 16 connections) on each endpoint and prints a table plus
# bench/results/<db>-<time>.json. The full run measures every endpoint twice: as served (with the
# in-memory response cache) and with the cache switched off (every request goes to the database).
#
#   bench/run.sh [--db h2|postgresql] [--short] [--skip-build] [--posts N] [--comments M]
#                [--keep-database NAME] [--duration 20s] [--no-uncached]
set -euo pipefail
cd "$(dirname "$0")/.."

DB=h2
DURATION=20s
WARMUP=3s
SKIP_BUILD=0
POSTS=2000
COMMENTS=30000
UNCACHED=1
KEEP_DATABASE=
usage() {
  echo "usage: bench/run.sh [--db h2|postgresql] [--short] [--skip-build] [--posts N] [--comments M]" >&2
  echo "                    [--keep-database NAME] [--duration 20s] [--no-uncached]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --short) DURATION=5s; WARMUP=1s; UNCACHED=0; shift ;;
    --duration) DURATION="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --posts) POSTS="$2"; shift 2 ;;
    --comments) COMMENTS="$2"; shift 2 ;;
    --keep-database) KEEP_DATABASE="$2"; shift 2 ;;
    --no-uncached) UNCACHED=0; shift ;;
    *) usage ;;
  esac
done
case "$DB" in h2|postgresql) ;; *) usage ;; esac
[ -z "$KEEP_DATABASE" ] || [ "$DB" = postgresql ] || { echo "--keep-database needs --db postgresql" >&2; exit 2; }

PORT=${BENCH_PORT:-18080}
BASE="http://127.0.0.1:${PORT}"
TOKEN="bench-admin-token-$(date +%s)-$RANDOM"
WORK=$(mktemp -d /tmp/gazette-bench.XXXXXX)
RESULTS=bench/results
mkdir -p "$RESULTS"
BENCH_START=$(date +%s)

command -v wrk >/dev/null || { echo "== installing wrk"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null; }

. bench/lib.sh
build_app
setup_db gazette_bench
trap cleanup EXIT
start_app GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"

# ---- data: a deterministic WordPress export, imported through POST /api/v1/imports ------------
have=$(curl -sf "$BASE/api/v1/posts?limit=1&fields=id" | python3 -c "import json,sys; print(json.load(sys.stdin)['page']['total'])")
if [ "$have" -ge "$POSTS" ]; then
  echo "== data: $have posts already loaded in $DBNAME"
  LOAD_SECONDS=null
else
  PARTS=$(( (POSTS * 4500 + COMMENTS * 350) / 150000000 + 1 ))  # files of ~150 MB (a post ~4.5 kB, a comment ~0.35 kB)
  echo "== data: $POSTS posts, $COMMENTS comments, imported in $PARTS part(s)"
  load_start=$(date +%s)
  for part in $(seq 0 $(( PARTS - 1 ))); do
    python3 bench/wxr.py --out "$WORK/part.xml" --posts "$POSTS" --comments "$COMMENTS" --part "$part" --parts "$PARTS"
    echo -n "   part $((part + 1))/$PARTS: "
    python3 bench/load.py --base-url "$BASE" --token "$TOKEN" "$WORK/part.xml"
    rm -f "$WORK/part.xml"
  done
  LOAD_SECONDS=$(( $(date +%s) - load_start ))
  echo "   loaded in $LOAD_SECONDS s"
fi

THREAD=bench-wxr-0
TREE="$BASE/api/v1/posts/$THREAD/comments"
WHOLE="$TREE?limit=1000&replies=10000"
LIST="$BASE/api/v1/posts?include=author,categories,tags"
POST_URL="$BASE/api/v1/posts/bench-wxr-7"

# a cursor 90% down the post list, reached by following page.next as a client would
DEEP=$(python3 - "$BASE" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
total = json.load(urllib.request.urlopen(base + "/api/v1/posts?limit=1&fields=id"))["page"]["total"]
url, cursor, seen = base + "/api/v1/posts?limit=100&fields=id", None, 0
while seen + 100 <= total * 0.9:
    page = json.load(urllib.request.urlopen(url + ("&cursor=" + cursor if cursor else "")))
    seen += len(page["items"])
    cursor = page["page"]["next"]
print(cursor or "")
PY
)
etag() { curl -sI "$1" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r'; }

declare -A URLS=(
  [post-list]="$LIST"
  [post-list-deep-90pct]="$LIST&cursor=$DEEP"
  [post-by-slug]="$POST_URL"
  [post-304]="$POST_URL|If-None-Match: $(etag "$POST_URL")"
  [category-tree]="$BASE/api/v1/categories?view=tree"
  [tag-list]="$BASE/api/v1/tags?sort=count"
  [search]="$BASE/api/v1/posts?q=council%20kanekane"
  [feed-rss]="$BASE/api/v1/feeds/posts.rss"
  [tree-first-page]="$TREE"
  [tree-whole]="$WHOLE"
  [tree-304]="$TREE|If-None-Match: $(etag "$TREE")"
)
ORDER=(post-list post-list-deep-90pct post-by-slug post-304 category-tree tag-list search feed-rss
       tree-first-page tree-whole tree-304)
# without the cache: what a miss costs, and how it scales with the data
UNCACHED_ORDER=(post-list post-list-deep-90pct post-by-slug category-tree tag-list search feed-rss
                tree-first-page tree-whole)

WHOLE_NODES=$(curl -s "$WHOLE" | python3 -c "
import json,sys
def n(x): return 1 + sum(n(c) for c in x.get('replies') or [])
print(sum(n(r) for r in json.load(sys.stdin)['items']))")

JSON="$RESULTS/$DB-$(date +%Y%m%dT%H%M%S).json"
ROWS="$WORK/rows.jsonl"
: > "$ROWS"

run_pass() {  # $1: pass name; remaining: endpoint names
  local pass=$1; shift
  echo "== $pass: warming up ($WARMUP per endpoint)"
  for name in "$@"; do
    IFS='|' read -r url header <<< "${URLS[$name]}"
    wrk -t2 -c16 -d"$WARMUP" ${header:+-H "$header"} "$url" >/dev/null
  done
  echo "== $pass: wrk -t2 -c16 -d$DURATION"
  printf '%-22s %10s %9s %9s %8s %12s\n' endpoint "req/s" "p50 ms" "p99 ms" errors "bytes/resp"
  for name in "$@"; do
    IFS='|' read -r url header <<< "${URLS[$name]}"
    line=$(wrk -t2 -c16 -d"$DURATION" --latency -s bench/report.lua ${header:+-H "$header"} "$url" | grep '^RESULT ' | sed 's/^RESULT //')
    python3 - "$pass" "$name" "$line" "$ROWS" <<'PY'
import json, sys
pass_, name, r, rows = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
r["bytesPerResponse"] = r["bytes"] // max(1, r["requests"])
print(f"{name:<22} {r['rps']:>10.0f} {r['p50ms']:>9.2f} {r['p99ms']:>9.2f} {r['errors']:>8d} {r['bytesPerResponse']:>12d}")
with open(rows, "a") as f:
    f.write(json.dumps({"pass": pass_, "endpoint": name, **r}) + "\n")
PY
  done
}

rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID" | tr -d ' ') / 1024 )); }

run_pass cached "${ORDER[@]}"
RSS_CACHED=$(rss_mb)
RSS_UNCACHED=null
if [ "$UNCACHED" = 1 ]; then
  stop_app
  start_app GAZETTE_HTTP_CACHE_ENABLED=false GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"
  run_pass uncached "${UNCACHED_ORDER[@]}"
  RSS_UNCACHED=$(rss_mb)
fi

python3 - "$ROWS" "$JSON" <<PY
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
out = {"db": "$DB", "duration": "$DURATION", "posts": $POSTS, "comments": $COMMENTS, "loadSeconds": json.loads("$LOAD_SECONDS"),
       "wholeTreeComments": $WHOLE_NODES, "jvm": "$JAVA_OPTS_BENCH", "rssMb": {"cached": $RSS_CACHED, "uncached": json.loads("$RSS_UNCACHED")},
       "results": rows}
json.dump(out, open(sys.argv[2], "w"), indent=1)
PY
echo
echo "whole tree: $WHOLE_NODES comments in one response"
echo "app resident memory after the cached pass: $RSS_CACHED MB${RSS_UNCACHED/null/}$([ "$RSS_UNCACHED" != null ] && echo ", after the uncached pass: $RSS_UNCACHED MB")"
echo "results: $JSON ($(( $(date +%s) - BENCH_START )) s in all)"
