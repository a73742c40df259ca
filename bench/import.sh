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
  python3 - "$BASE" "$TOKEN" "$WORK/export.xml" <<'PY'
import json, sys, time, urllib.request
base, token, path = sys.argv[1:4]
auth = {"Authorization": "Bearer " + token}

def heap():
    text = urllib.request.urlopen(base + "/q/metrics").read().decode()
    return sum(float(l.rsplit(" ", 1)[1]) for l in text.splitlines()
               if l.startswith("jvm_memory_used_bytes") and 'area="heap"' in l)

start = time.time()
with open(path, "rb") as body:
    req = urllib.request.Request(base + "/api/v1/imports", data=body, method="POST",
                                 headers={**auth, "Content-Type": "application/xml"})
    import os
    req.add_header("Content-Length", str(os.path.getsize(path)))
    location = urllib.request.urlopen(req).headers["Location"]
peak = 0
while True:
    peak = max(peak, heap())
    job = json.load(urllib.request.urlopen(urllib.request.Request(base + location, headers=auth)))
    if job["status"] in ("succeeded", "failed"):
        break
    time.sleep(0.25)
wall = time.time() - start
c = job.get("counts") or {}
print(json.dumps({"status": job["status"], "error": job["error"], "wallSeconds": round(wall, 1),
                  "jobSeconds": round((job["durationMs"] or 0) / 1000, 1), "peakHeapMB": round(peak / 2**20),
                  "posts": c.get("posts"), "comments": {k: v for k, v in (c.get("comments") or {}).items() if k != "skippedReasons"}}))
PY
}
echo "== first import"
run_import
echo "== the same file again (should create nothing)"
run_import
