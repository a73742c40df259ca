#!/usr/bin/env bash
# Gazette load benchmark: builds the packaged app, starts it on H2 or PostgreSQL, loads a
# deterministic dataset through the API, warms up, drives load with wrk (2 threads,
# 16 connections) on each endpoint, and prints a table plus bench/results/<db>-<time>.json.
#
#   bench/run.sh [--db h2|postgresql] [--short] [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."

DB=h2
DURATION=20s
SKIP_BUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --short) DURATION=5s; shift ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    *) echo "usage: bench/run.sh [--db h2|postgresql] [--short] [--skip-build]" >&2; exit 2 ;;
  esac
done

PORT=${BENCH_PORT:-18080}
BASE="http://127.0.0.1:${PORT}"
TOKEN="bench-admin-$(date +%s)-$RANDOM"
WORK=$(mktemp -d /tmp/gazette-bench.XXXXXX)
RESULTS=bench/results
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "installing wrk"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null; }

. bench/lib.sh
build_app
setup_db gazette_bench
trap cleanup EXIT
start_app

echo "== generating data through the API"
start=$(date +%s)
SUMMARY=$(python3 bench/generate.py --base-url "$BASE" --token "$TOKEN")
echo "   $SUMMARY ($(( $(date +%s) - start )) s)"
THREAD=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['threadPost'])" "$SUMMARY")

TREE="$BASE/api/v1/posts/$THREAD/comments"
WHOLE="$TREE?limit=100&replies=10000"

ETAG=$(curl -sI "$TREE" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')

# a cursor at 90% of the post list (walked with page.next), for the deep-page cost
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
LIST="$BASE/api/v1/posts?include=author,categories,tags"
POST_URL="$BASE/api/v1/posts/bench-post-7"
POST_ETAG=$(curl -sI "$POST_URL" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')

declare -A URLS=(
  [post-list]="$LIST"
  [post-list-deep-90pct]="$LIST&cursor=$DEEP"
  [post-by-slug]="$POST_URL"
  [post-304]="$POST_URL|If-None-Match: $POST_ETAG"
  [category-tree]="$BASE/api/v1/categories?view=tree"
  [tag-list]="$BASE/api/v1/tags?sort=count"
  [search]="$BASE/api/v1/posts?q=harbour%20council"
  [feed-rss]="$BASE/api/v1/feeds/posts.rss"
  [tree-first-page]="$TREE"
  [tree-first-page-uncached]="$TREE|X-Visitor-Id: bench-visitor-0002"
  [tree-whole]="$WHOLE"
  [tree-304]="$TREE|If-None-Match: $ETAG"
)
ORDER=(post-list post-list-deep-90pct post-by-slug post-304 category-tree tag-list search feed-rss
       tree-first-page tree-first-page-uncached tree-whole tree-304)

echo "== warming up"
for name in "${ORDER[@]}"; do
  IFS='|' read -r url header <<< "${URLS[$name]}"
  wrk -t2 -c16 -d2s ${header:+-H "$header"} "$url" >/dev/null
done

echo "== whole ${THREAD} tree in one request (curl, time to last byte)"
for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "X-Visitor-Id: bench-visitor-0001" "$WHOLE"; done  # warm the computing path
whole_times() {  # $1: extra header
  for _ in $(seq 1 10); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "$1" "$WHOLE"
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f %.1f\n", a[int((NR+1)/2)]*1000, a[NR]*1000}'
}
read -r WHOLE_UNCACHED_P50 WHOLE_UNCACHED_MAX < <(whole_times "X-Visitor-Id: bench-visitor-0001")
read -r WHOLE_CACHED_P50 WHOLE_CACHED_MAX < <(whole_times "Accept: application/json")
WHOLE_BYTES=$(curl -s "$WHOLE" | wc -c)
WHOLE_NODES=$(curl -s "$WHOLE" | python3 -c "
import json,sys
def n(x): return 1 + sum(n(c) for c in x.get('replies') or [])
print(sum(n(r) for r in json.load(sys.stdin)['items']))")

echo "== load: wrk -t2 -c16 -d$DURATION"
JSON="$RESULTS/$DB-$(date +%Y%m%dT%H%M%S).json"
{
  echo "{\"db\":\"$DB\",\"duration\":\"$DURATION\",\"data\":$SUMMARY,"
  echo "\"wholeTree\":{\"nodes\":$WHOLE_NODES,\"bytes\":$WHOLE_BYTES,\"uncachedP50ms\":$WHOLE_UNCACHED_P50,\"uncachedMaxMs\":$WHOLE_UNCACHED_MAX,\"cachedP50ms\":$WHOLE_CACHED_P50,\"cachedMaxMs\":$WHOLE_CACHED_MAX},"
  echo "\"endpoints\":{"
} > "$JSON"
printf '\n%-26s %10s %9s %9s %8s %12s\n' endpoint "req/s" "p50 ms" "p99 ms" errors "bytes/resp"
first=1
for name in "${ORDER[@]}"; do
  IFS='|' read -r url header <<< "${URLS[$name]}"
  line=$(wrk -t2 -c16 -d"$DURATION" --latency -s bench/report.lua ${header:+-H "$header"} "$url" | grep '^RESULT ' | sed 's/^RESULT //')
  python3 - "$name" "$line" <<'PY'
import json, sys
name, r = sys.argv[1], json.loads(sys.argv[2])
print(f"{name:<26} {r['rps']:>10.0f} {r['p50ms']:>9.2f} {r['p99ms']:>9.2f} {r['errors']:>8d} {r['bytes'] // max(1, r['requests']):>12d}")
PY
  [ $first = 1 ] || echo "," >> "$JSON"
  first=0
  echo "\"$name\":$line" >> "$JSON"
done
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
echo "},\"rssMb\":$(( RSS_KB / 1024 ))}" >> "$JSON"
echo
echo "whole tree ($WHOLE_NODES comments, $WHOLE_BYTES bytes): uncached p50 ${WHOLE_UNCACHED_P50} ms (max ${WHOLE_UNCACHED_MAX}), cached p50 ${WHOLE_CACHED_P50} ms (max ${WHOLE_CACHED_MAX})"
echo "app resident memory: $(( RSS_KB / 1024 )) MB"
echo "results: $JSON"
