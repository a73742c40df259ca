#!/usr/bin/env bash
# Gazette load benchmark: builds the packaged app, starts it on H2 or PostgreSQL, loads a
# deterministic dataset through Gazette's own WordPress import (bench/wxr.py), warms up, drives
# load with wrk (2 threads, 16 connections) on each endpoint and prints a table plus
# bench/results/<db>-<time>.json. The full run measures every endpoint twice: as served (with the
# in-memory response cache) and with the cache switched off (every request goes to the database).
#
#   bench/run.sh [--db h2|postgresql] [--short] [--skip-build] [--posts N] [--comments M]
#                [--keep-database NAME] [--duration 20s] [--no-uncached] [--profile ENDPOINT] [--scale K] [--varnish]
# --varnish (PostgreSQL) measures through Varnish in front of two instances (deploy/varnish), cached pass only.
# --scale K (PostgreSQL) grows the imported set to K times its size by copying rows in SQL (bench/scale.sql).
# --profile records the app with JFR while wrk drives ENDPOINT (in the cached pass; uncached:ENDPOINT
# for the other) and prints its hottest methods (bench/jfr_top.py); the recording stays in bench/results/.
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
PROFILE=
SCALE=1
VARNISH=0
usage() {
  echo "usage: bench/run.sh [--db h2|postgresql] [--short] [--skip-build] [--posts N] [--comments M]" >&2
  echo "                    [--keep-database NAME] [--duration 20s] [--no-uncached] [--profile ENDPOINT] [--scale K]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --short) DURATION=5s; WARMUP=2s; UNCACHED=0; shift ;;
    --duration) DURATION="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --posts) POSTS="$2"; shift 2 ;;
    --comments) COMMENTS="$2"; shift 2 ;;
    --keep-database) KEEP_DATABASE="$2"; shift 2 ;;
    --no-uncached) UNCACHED=0; shift ;;
    --scale) SCALE="$2"; shift 2 ;;
    --varnish) VARNISH=1; UNCACHED=0; shift ;;
    --profile) PROFILE="$2"; [[ "$PROFILE" == *:* ]] || PROFILE="cached:$PROFILE"; shift 2 ;;
    *) usage ;;
  esac
done
case "$DB" in h2|postgresql) ;; *) usage ;; esac
[ -z "$KEEP_DATABASE" ] || [ "$DB" = postgresql ] || { echo "--keep-database needs --db postgresql" >&2; exit 2; }
[ "$SCALE" = 1 ] || [ "$DB" = postgresql ] || { echo "--scale needs --db postgresql" >&2; exit 2; }
[ "$VARNISH" = 0 ] || [ "$DB" = postgresql ] || { echo "--varnish needs --db postgresql (two instances share it)" >&2; exit 2; }

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
EDGE_ENV=()
[ "$VARNISH" = 0 ] || edge_env
start_app "${EDGE_ENV[@]}" GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"

load_data
if [ "$SCALE" != 1 ]; then
  scale_data "$SCALE"
  stop_app  # the app remembers counts and totals per change it made: rows copied behind its back need a fresh start
  start_app "${EDGE_ENV[@]}" GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"
  POSTS=$(( POSTS * SCALE )); COMMENTS=$(( COMMENTS * SCALE ))
fi
if [ "$VARNISH" = 1 ]; then
  start_edge "${EDGE_ENV[@]}" GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"
  echo "== measuring through Varnish at $BASE (instances on $PORT and $((PORT + 1)))"
fi
define_endpoints

WHOLE_NODES=$(curl -s "$WHOLE" | python3 -c "
import json,sys
def n(x): return 1 + sum(n(c) for c in x.get('replies') or [])
print(sum(n(r) for r in json.load(sys.stdin)['items']))")

JSON="$RESULTS/$DB$( [ "$VARNISH" = 0 ] || echo -varnish)-$(date +%Y%m%dT%H%M%S).json"
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
    if [ "$pass:$name" = "$PROFILE" ]; then
      JFR="$RESULTS/$DB-$name-$(date +%Y%m%dT%H%M%S).jfr"
      jcmd "$APP_PID" JFR.start name=bench settings=profile filename="$(pwd)/$JFR" >/dev/null
    fi
    line=$(wrk -t2 -c16 -d"$DURATION" --latency -s bench/report.lua ${header:+-H "$header"} "$url" | grep '^RESULT ' | sed 's/^RESULT //')
    if [ "$pass:$name" = "$PROFILE" ]; then
      jcmd "$APP_PID" JFR.stop name=bench >/dev/null
    fi
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
echo "app resident memory: $RSS_CACHED MB after the cached pass, ${RSS_UNCACHED} MB after the uncached pass"
if [ -n "${JFR:-}" ]; then
  echo
  echo "== profile of $PROFILE ($JFR)"
  python3 bench/jfr_top.py "$JFR" --top 15
  python3 bench/jfr_top.py "$JFR" --top 15 --filter dev.gazette | sed -n '/^total/,$p'
fi
echo "results: $JSON ($(( $(date +%s) - BENCH_START )) s in all)"
