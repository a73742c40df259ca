#!/usr/bin/env bash
# Import benchmark: builds the packaged app, starts it on H2 or PostgreSQL with a 256 MB heap,
# writes a deterministic WordPress export (bench/wxr.py: 2,000 posts, 30,000 comments, one
# 5,000-comment thread 10 levels deep; about 35 MB), imports it through POST /api/v1/imports and
# reports the job's time and the peak heap sampled from /q/metrics while it ran. Then imports the
# same file again (idempotence: nothing created).
#
#   bench/import.sh [--db h2|postgresql] [--skip-build] [--posts N] [--comments M]
set -euo pipefail
cd "$(dirname "$0")/.."

DB=h2
SKIP_BUILD=0
POSTS=2000
COMMENTS=30000
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --posts) POSTS="$2"; shift 2 ;;
    --comments) COMMENTS="$2"; shift 2 ;;
    *) echo "usage: bench/import.sh [--db h2|postgresql] [--skip-build] [--posts N] [--comments M]" >&2; exit 2 ;;
  esac
done

PORT=${BENCH_PORT:-18081}
BASE="http://127.0.0.1:${PORT}"
TOKEN="bench-admin-$(date +%s)-$RANDOM"
WORK=$(mktemp -d /tmp/gazette-import-bench.XXXXXX)

. bench/lib.sh
build_app
setup_db gazette_import_bench
trap cleanup EXIT

echo "== writing the export ($POSTS posts, $COMMENTS comments)"
python3 bench/wxr.py --out "$WORK/export.xml" --posts "$POSTS" --comments "$COMMENTS"
echo "   $(du -h "$WORK/export.xml" | cut -f1)"

start_app GAZETTE_IMPORTS_DIRECTORY="$WORK/uploads"

run_import() {
  python3 bench/load.py --base-url "$BASE" --token "$TOKEN" --heap "$WORK/export.xml"
}
echo "== first import"
run_import
echo "== the same file again (should create nothing)"
run_import
