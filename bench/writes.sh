#!/usr/bin/env bash
# Reads under writes: a front end's read mix (bench/mix.lua: single posts, their comment trees,
# the post list with includes, the category tree) driven by wrk -t2 -c16 while bench/writer.py
# sends anonymous post likes at R per second and anonymous comments at 1 per second, spread over
# all posts or on the 20 newest ("hot"). One row per distribution and rate (R = 0 is the baseline
# without writes): read req/s, p50, p99, the response cache's hit ratio during the row, writes
# acknowledged and failed, read errors; then the app's resident memory. Results also go to
# bench/results/writes-<db>-<time>.json.
#
#   bench/writes.sh [--db h2|postgresql] [--short] [--skip-build] [--posts N] [--comments M]
#                   [--keep-database NAME] [--duration 15] [--warmup 3] [--rates "0 2 20 100"]
#                   [--dists "spread hot"] [--comment-rate 1] [--varnish]
# --varnish (PostgreSQL) reads and writes through Varnish in front of two instances (deploy/varnish);
# the hit ratio is then Varnish's.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=h2
DURATION=15       # seconds measured per row
WARMUP=3          # seconds per row before the measurement (the writer already running)
FIRST_WARMUP=10   # seconds of the read mix before the first row (JIT)
SKIP_BUILD=0
POSTS=2000
COMMENTS=30000
KEEP_DATABASE=
RATES="0 2 20 100"
DISTS="spread hot"
COMMENT_RATE=1
VARNISH=0
usage() {
  echo "usage: bench/writes.sh [--db h2|postgresql] [--short] [--skip-build] [--posts N] [--comments M]" >&2
  echo "                       [--keep-database NAME] [--duration 15] [--warmup 3] [--rates \"0 2 20 100\"]" >&2
  echo "                       [--dists \"spread hot\"] [--comment-rate 1]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --short) DURATION=6; WARMUP=2; FIRST_WARMUP=5; shift ;;
    --duration) DURATION="${2%s}"; shift 2 ;;
    --warmup) WARMUP="${2%s}"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --posts) POSTS="$2"; shift 2 ;;
    --comments) COMMENTS="$2"; shift 2 ;;
    --keep-database) KEEP_DATABASE="$2"; shift 2 ;;
    --rates) RATES="$2"; shift 2 ;;
    --dists) DISTS="$2"; shift 2 ;;
    --comment-rate) COMMENT_RATE="$2"; shift 2 ;;
    --varnish) VARNISH=1; shift ;;
    *) usage ;;
  esac
done
case "$DB" in h2|postgresql) ;; *) usage ;; esac
[[ "$DURATION" =~ ^[0-9]+$ && "$WARMUP" =~ ^[0-9]+$ && "$DURATION" -gt 0 ]] || usage
[ -z "$KEEP_DATABASE" ] || [ "$DB" = postgresql ] || { echo "--keep-database needs --db postgresql" >&2; exit 2; }
[ "$VARNISH" = 0 ] || [ "$DB" = postgresql ] || { echo "--varnish needs --db postgresql (two instances share it)" >&2; exit 2; }

PORT=${BENCH_PORT:-18080}
BASE="http://127.0.0.1:${PORT}"
TOKEN="bench-admin-token-$(date +%s)-$RANDOM"
WORK=$(mktemp -d /tmp/gazette-writes.XXXXXX)
RESULTS=bench/results
mkdir -p "$RESULTS"
BENCH_START=$(date +%s)

command -v wrk >/dev/null || { echo "== installing wrk"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null; }

# what is measured: the commit, and whether src/ or pom.xml differed from it (at the start of this
# run; with --skip-build, the last build's state counts)
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
DIRTY=$( [ -z "$(git status --porcelain -- src pom.xml 2>/dev/null)" ] && echo false || echo true)

. bench/lib.sh
build_app
setup_db gazette_writes
WRITER_PID=
cleanup_writes() {
  if [ -n "$WRITER_PID" ]; then kill "$WRITER_PID" 2>/dev/null || true; fi
  cleanup
}
trap cleanup_writes EXIT
# No abuse limits (every write comes from 127.0.0.1, faster than a person) and anonymous comments
# approved at once, so they show in the trees being read.
WRITE_ENV=(GAZETTE_COMMENTS_SPAM_FLOOD_INTERVAL=0s GAZETTE_COMMENTS_SPAM_RATE_LIMIT_ENABLED=false
           GAZETTE_COMMENTS_MODERATION=approve-all)
EDGE_ENV=()
[ "$VARNISH" = 0 ] || edge_env
start_app "${WRITE_ENV[@]}" "${EDGE_ENV[@]}" GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"
load_data
if [ "$VARNISH" = 1 ]; then
  start_edge "${WRITE_ENV[@]}" "${EDGE_ENV[@]}" GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"
  echo "== reading and writing through Varnish at $BASE (instances on $PORT and $((PORT + 1)))"
fi

TOTAL=$(curl -sf "$BASE/api/v1/posts?limit=1&fields=id" | python3 -c "import json,sys; print(json.load(sys.stdin)['page']['total'])")
# the 20 newest posts, as the API lists them (its default order is newest first)
HOT=$(curl -sf "$BASE/api/v1/posts?limit=20&fields=slug" | python3 -c "import json,sys; print(' '.join(p['slug'] for p in json.load(sys.stdin)['items']))")
HOT_CSV=${HOT// /,}
echo "== $TOTAL posts; the 20 newest: $HOT"
python3 bench/writer.py --base-url "$BASE" --hot "$HOT_CSV" --preflight \
  || { echo "the app does not take the bench's writes (see above)" >&2; exit 1; }

# shellcheck disable=SC2086
mix() {  # $1: seconds; prints wrk's RESULT json
  wrk -t2 -c16 -d"$1s" --latency -s bench/mix.lua "$BASE" -- "$TOTAL" $HOT | grep '^RESULT ' | sed 's/^RESULT //'
}
cache_counters() {  # prints "hits misses" (Varnish's with --varnish)
  # a request that waited for a concurrent computation (result=joined) computed nothing: a hit
  if [ "$VARNISH" = 1 ]; then varnish_counters; return; fi
  curl -sf "$BASE/q/metrics" | python3 -c "
import re, sys
c = {'hit': 0.0, 'miss': 0.0, 'joined': 0.0}
for line in sys.stdin:
    m = re.match(r'gazette_response_cache_total\{(.*)\}\s+(\S+)', line)
    if m:
        r = re.search(r'result=\"(\w+)\"', m.group(1))
        if r and r.group(1) in c:
            c[r.group(1)] += float(m.group(2))
print(int(c['hit'] + c['joined']), int(c['miss']))"
}

JSON="$RESULTS/writes-$DB$( [ "$VARNISH" = 0 ] || echo -varnish)-$(date +%Y%m%dT%H%M%S).json"
ROWS="$WORK/rows.jsonl"
: > "$ROWS"

echo "== filling the response cache (each post and its comment tree once), warming up the read mix (${FIRST_WARMUP}s)"
python3 bench/writer.py --base-url "$BASE" --prime --posts "$TOTAL" --hot "$HOT_CSV" | sed 's/^/   /'
mix "$FIRST_WARMUP" >/dev/null

run_row() {  # $1: distribution (none for the baseline), $2: likes per second
  local dist=$1 rate=$2 writer_out="$WORK/writer.json" line before after
  : > "$writer_out"
  WRITER_PID=
  if [ "$dist" != none ]; then
    python3 bench/writer.py --base-url "$BASE" --seconds $((WARMUP + DURATION)) --likes "$rate" \
      --comments "$COMMENT_RATE" --dist "$dist" --posts "$TOTAL" --hot "$HOT_CSV" > "$writer_out" &
    WRITER_PID=$!
  fi
  [ "$WARMUP" = 0 ] || mix "$WARMUP" >/dev/null
  before=$(cache_counters)
  line=$(mix "$DURATION")
  after=$(cache_counters)
  if [ -n "$WRITER_PID" ]; then wait "$WRITER_PID" || true; WRITER_PID=; fi
  python3 - "$dist" "$rate" "$line" "$before" "$after" "$writer_out" "$ROWS" <<'PY'
import json, sys
dist, rate, r, before, after, writer_out, rows = sys.argv[1:8]
r = json.loads(r)
h0, m0 = map(int, before.split()); h1, m1 = map(int, after.split())
hits, misses = h1 - h0, m1 - m0
w = json.loads(open(writer_out).read() or "null")
row = {"dist": dist, "likesPerSecond": float(rate), **r, "cacheHits": hits, "cacheMisses": misses,
       "hitRatio": hits / (hits + misses) if hits + misses else None, "writer": w}
ok = err = 0; got = "-"
if w:
    ok = w["likes"]["ok"] + w["comments"]["ok"]
    err = w["likes"]["errors"] + w["comments"]["errors"]
    got = "%.1f" % w["likes"]["rate"]
row["writesOk"], row["writeErrors"] = ok, err
ratio = "-" if row["hitRatio"] is None else "%.1f%%" % (100 * row["hitRatio"])
print(f"{dist:<7} {rate:>7} {got:>7} {r['rps']:>10.0f} {r['p50ms']:>8.2f} {r['p99ms']:>8.2f} {ratio:>7} "
      f"{ok:>9d} {err:>9d} {r['statusErrors'] + r['socketErrors']:>9d}")
with open(rows, "a") as f:
    f.write(json.dumps(row) + "\n")
PY
}

echo "== rows: ${WARMUP}s warm-up (writer already running) + ${DURATION}s measured; wrk -t2 -c16, bench/mix.lua;" \
     "$COMMENT_RATE comment/s in every row with writes"
printf '%-7s %7s %7s %10s %8s %8s %7s %9s %9s %9s\n' dist "likes/s" "got/s" "read rq/s" "p50 ms" "p99 ms" "hit" \
  "writes ok" "write err" "read err"
for rate in $RATES; do
  [ "$rate" = 0 ] || continue
  run_row none 0
done
for dist in $DISTS; do
  for rate in $RATES; do
    [ "$rate" = 0 ] && continue
    run_row "$dist" "$rate"
  done
done

RSS=$(( $(ps -o rss= -p "$APP_PID" | tr -d ' ') / 1024 ))
python3 - "$ROWS" "$JSON" <<PY
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
out = {"mode": "reads-under-writes", "db": "$DB", "durationSeconds": $DURATION, "warmupSeconds": $WARMUP,
       "posts": $POSTS, "comments": $COMMENTS, "postsInDatabase": $TOTAL, "commentsPerSecond": $COMMENT_RATE,
       "hot": "$HOT".split(), "loadSeconds": json.loads("$LOAD_SECONDS"), "jvm": "$JAVA_OPTS_BENCH",
       "commit": "$COMMIT", "srcModified": json.loads("$DIRTY"), "rssMb": $RSS, "results": rows}
json.dump(out, open(sys.argv[2], "w"), indent=1)
PY
echo
echo "likes/s: the target rate, got/s: what the writer achieved; hit: the response cache's hits / (hits + misses) during the row"
echo "app resident memory: $RSS MB at the end; commit $COMMIT$( [ "$DIRTY" = true ] && echo ' (src/ modified)')"
echo "results: $JSON ($(( $(date +%s) - BENCH_START )) s in all)"
