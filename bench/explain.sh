#!/usr/bin/env bash
# Query plans of the benchmarked endpoints on PostgreSQL, as Gazette really runs them: the app
# starts with its response cache off against a database where auto_explain logs every statement
# with EXPLAIN (ANALYZE, BUFFERS); each endpoint is requested once (after a warm-up request) and
# its plans are written to bench/results/explain-<database>/<endpoint>.txt, with a summary of the
# scans used (index, bitmap or sequential) and the slowest statement per endpoint.
#
#   bench/explain.sh --keep-database NAME [--skip-build] [--posts N --comments M]
# Loads the dataset first when the database does not hold it yet (as bench/run.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=postgresql
SKIP_BUILD=0
POSTS=2000
COMMENTS=30000
KEEP_DATABASE=
while [ $# -gt 0 ]; do
  case "$1" in
    --keep-database) KEEP_DATABASE="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --posts) POSTS="$2"; shift 2 ;;
    --comments) COMMENTS="$2"; shift 2 ;;
    *) echo "usage: bench/explain.sh --keep-database NAME [--skip-build] [--posts N --comments M]" >&2; exit 2 ;;
  esac
done
[ -n "$KEEP_DATABASE" ] || { echo "--keep-database NAME is required" >&2; exit 2; }

PORT=${BENCH_PORT:-18082}
BASE="http://127.0.0.1:${PORT}"
TOKEN="bench-admin-token-$(date +%s)-$RANDOM"
WORK=$(mktemp -d /tmp/gazette-explain.XXXXXX)
PGLOG=${PGLOG:-$(ls -t /var/log/postgresql/postgresql-*-main.log | head -n 1)}
OUT="bench/results/explain-$KEEP_DATABASE"
mkdir -p "$OUT"

. bench/lib.sh
build_app
setup_db unused
explain_off() {
  psql -h "$PGHOST" -U postgres -q -c "alter database $DBNAME reset session_preload_libraries" \
    -c "alter database $DBNAME reset auto_explain.log_min_duration" -c "alter database $DBNAME reset auto_explain.log_analyze" \
    -c "alter database $DBNAME reset auto_explain.log_buffers" 2>/dev/null || true
}
trap 'cleanup; explain_off' EXIT

start_app GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"
load_data
psql -h "$PGHOST" -U postgres -q -c "analyze" "$DBNAME"
stop_app
psql -h "$PGHOST" -U postgres -q -c "alter database $DBNAME set session_preload_libraries = 'auto_explain'" \
  -c "alter database $DBNAME set auto_explain.log_min_duration = 0" -c "alter database $DBNAME set auto_explain.log_analyze = on" \
  -c "alter database $DBNAME set auto_explain.log_buffers = on"
start_app GAZETTE_HTTP_CACHE_ENABLED=false
define_endpoints

for name in "${UNCACHED_ORDER[@]}"; do
  IFS='|' read -r url header <<< "${URLS[$name]}"
  curl -s -o /dev/null ${header:+-H "$header"} "$url"   # warm-up: caches of the database and the JVM
  sleep 0.5
  from=$(stat -c %s "$PGLOG")
  curl -s -o /dev/null ${header:+-H "$header"} "$url"
  sleep 1
  tail -c +"$((from + 1))" "$PGLOG" > "$OUT/$name.txt"
done

echo "plans in $OUT/"
printf '%-22s %5s %8s %8s %8s  %s\n' endpoint stmts "index" bitmap seq "slowest statement (ms)"
for name in "${UNCACHED_ORDER[@]}"; do
  f="$OUT/$name.txt"
  stmts=$(grep -c 'duration: .* ms  plan:' "$f" || true)
  idx=$(grep -cE 'Index (Only )?Scan' "$f" || true)
  bitmap=$(grep -c 'Bitmap Index Scan' "$f" || true)
  seq=$(grep -c 'Seq Scan' "$f" || true)
  slowest=$(grep -o 'duration: [0-9.]* ms' "$f" | awk '{print $2}' | sort -n | tail -n 1)
  printf '%-22s %5s %8s %8s %8s  %s\n' "$name" "$stmts" "$idx" "$bitmap" "$seq" "${slowest:-?}"
done
