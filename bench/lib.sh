# Shared by bench/run.sh and bench/import.sh: build, database, start and clean-up of the packaged app.
# Expects DB (h2|postgresql), SKIP_BUILD (0|1), WORK (a scratch directory), PORT, BASE and TOKEN;
# KEEP_DATABASE (PostgreSQL) names a database that is created when missing and kept afterwards.

build_app() {
  if [ "$SKIP_BUILD" = 0 ]; then
    echo "== building the packaged app for $DB"
    ./mvnw -B -q package -DskipTests "-D%prod.quarkus.datasource.db-kind=$DB"
  fi
  # the app runs from a copy, so a build started meanwhile cannot change it under the running JVM
  cp -r target/quarkus-app "$WORK/app"
}

# Points GAZETTE_DB_* at a fresh database: a new PostgreSQL database, or an H2 file under $WORK.
setup_db() {  # $1: name prefix of the PostgreSQL database
  if [ "$DB" = postgresql ]; then
    PGHOST=${PGHOST:-127.0.0.1}
    pg_isready -q -h "$PGHOST" || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    if [ -n "${KEEP_DATABASE:-}" ]; then
      DBNAME="$KEEP_DATABASE"
      psql -h "$PGHOST" -U postgres -tAc "select 1 from pg_database where datname = '$DBNAME'" | grep -q 1 \
        || psql -h "$PGHOST" -U postgres -q -c "create database $DBNAME"
    else
      DBNAME="$1_$$"
      psql -h "$PGHOST" -U postgres -q -c "create database $DBNAME"
    fi
    export GAZETTE_DB_URL="jdbc:postgresql://$PGHOST:5432/$DBNAME" GAZETTE_DB_USER=postgres GAZETTE_DB_PASSWORD=
  else
    export GAZETTE_DB_URL="jdbc:h2:file:$WORK/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_COMPACT_FILL_RATE=0" \
           GAZETTE_DB_USER=sa GAZETTE_DB_PASSWORD=
  fi
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}

cleanup() {
  stop_app
  stop_edge
  if [ "$DB" = postgresql ] && [ -z "${KEEP_DATABASE:-}" ]; then
    psql -h "$PGHOST" -U postgres -q -c "drop database if exists $DBNAME" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}

# The JVM as the benchmark runs it: a 256 MB heap, the serial collector, two malloc arenas
# (glibc's default of 8 per core costs ~50 MB of resident memory for nothing here) and the native
# heap trimmed every 5 s (what the JIT compilers' arenas free goes back to the system instead of
# staying resident in glibc's free lists), so the whole process stays under 512 MB resident.
JAVA_OPTS_BENCH=${JAVA_OPTS_BENCH:--Xmx256m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# Starts the app (extra environment in the arguments) and waits until it is ready.
start_app() {
  if curl -s -o /dev/null "$BASE/"; then echo "port $PORT is taken (set BENCH_PORT)" >&2; exit 1; fi
  echo "== starting Gazette on $DB (port $PORT, $JAVA_OPTS_BENCH${*:+, $*})"
  # shellcheck disable=SC2086
  env "$@" GAZETTE_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
    GAZETTE_COMMENTS_IP_HASH_SECRET="${GAZETTE_COMMENTS_IP_HASH_SECRET:-bench-ip-hash-secret-not-for-production}" \
    java $JAVA_OPTS_BENCH -jar "$WORK/app/quarkus-run.jar" >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/q/health/ready" >/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  curl -sf "$BASE/q/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }
}

# --varnish (PostgreSQL): two instances behind Varnish (deploy/varnish), as "Running Gazette at scale"
# in README describes. EDGE_ENV is the environment both instances start with: purges to Varnish, and
# the long s-maxage purging allows.
edge_env() {
  VARNISH_PORT=$((PORT + 2))
  EDGE_ENV=(GAZETTE_HTTP_EDGE_PURGE_URLS="http://127.0.0.1:$VARNISH_PORT/"
            "GAZETTE_HTTP_CACHE_CONTROL=public, max-age=60, s-maxage=86400, stale-while-revalidate=30, stale-if-error=86400")
}

# Starts the second instance (on PORT+1; environment in the arguments, as start_app) and Varnish in
# front of both (on PORT+2); then BASE points at Varnish and APP_BASE at the first instance.
start_edge() {
  local first_pid=$APP_PID first_port=$PORT first_base=$BASE
  PORT=$((first_port + 1)) BASE="http://127.0.0.1:$((first_port + 1))"
  start_app "$@"
  APP_PID_B=$APP_PID
  APP_PID=$first_pid PORT=$first_port APP_BASE=$first_base
  chmod 755 "$WORK"  # varnishd's compiler runs as its own user and reads the VCL under it (mktemp -d is 0700)
  command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] \
    || { echo "== installing varnish"; (apt-get update -qq && apt-get install -y -qq varnish varnish-modules) >/dev/null; }
  deploy/varnish/run.sh --listen "127.0.0.1:$VARNISH_PORT" --backend "127.0.0.1:$first_port" \
    --backend "127.0.0.1:$((first_port + 1))" --purger 127.0.0.1 --workdir "$WORK/varnish" --memory 512m
  BASE="http://127.0.0.1:$VARNISH_PORT"
}

stop_edge() {
  if [ -n "${APP_PID_B:-}" ]; then
    kill "$APP_PID_B" 2>/dev/null && wait "$APP_PID_B" 2>/dev/null || true
    APP_PID_B=
  fi
  if [ -f "$WORK/varnish/varnishd.pid" ]; then
    kill "$(cat "$WORK/varnish/varnishd.pid")" 2>/dev/null || true
    rm -f "$WORK/varnish/varnishd.pid"
  fi
}

# Varnish's hits and misses since it started: "hits misses".
varnish_counters() {
  varnishstat -n "$WORK/varnish/state" -1 -f MAIN.cache_hit -f MAIN.cache_miss \
    | awk '$1=="MAIN.cache_hit"{h=$2} $1=="MAIN.cache_miss"{m=$2} END{print h+0, m+0}'
}

# Loads the dataset (POSTS posts, COMMENTS comments) unless the database already holds it: a
# deterministic WordPress export (bench/wxr.py) imported through POST /api/v1/imports, in files of
# ~150 MB. Sets LOAD_SECONDS (null when nothing was loaded).
load_data() {
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
  if [ "$DB" = postgresql ]; then
    # statistics and visibility maps as a database in service has them, so autovacuum does not
    # start on the freshly imported tables in the middle of a measurement
    psql -h "$PGHOST" -U postgres -q -c "vacuum analyze" "$DBNAME"
  fi
}

# Grows the loaded set to $1 times its size in SQL (bench/scale.sql) unless the database holds that
# many posts already (PostgreSQL).
scale_data() {
  have=$(psql -h "$PGHOST" -U postgres -tAc "select count(*) from post" "$DBNAME")
  if [ "$have" -ge $(( POSTS * $1 )) ]; then
    echo "== scale: $have posts already in $DBNAME"
    return
  fi
  echo "== scale: copying the $have posts and their comments to $1 times as many (bench/scale.sql)"
  scale_start=$(date +%s)
  psql -h "$PGHOST" -U postgres -q -v copies="$1" -f bench/scale.sql "$DBNAME"
  psql -h "$PGHOST" -U postgres -q -c "vacuum analyze" "$DBNAME"
  echo "   scaled in $(( $(date +%s) - scale_start )) s: $(psql -h "$PGHOST" -U postgres -tAc "select count(*) from post" "$DBNAME") posts,"\
       "$(psql -h "$PGHOST" -U postgres -tAc "select count(*) from comment" "$DBNAME") comments"
}

# The benchmarked requests: URLS[name]="url|optional header", in ORDER (and UNCACHED_ORDER).
define_endpoints() {
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
  # the WordPress-compatible API answers by id: the same post as post-by-slug
  WP_ID=$(curl -s "$POST_URL?fields=id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  WP="$BASE/wp-json/wp/v2"

  declare -gA URLS=(
    [post-list]="$LIST"
    [post-list-deep-90pct]="$LIST&cursor=$DEEP"
    [post-by-slug]="$POST_URL"
    [post-304]="$POST_URL|If-None-Match: $(etag "$POST_URL")"
    [category-tree]="$BASE/api/v1/categories?view=tree"
    [tag-list]="$BASE/api/v1/tags?sort=count"
    [search]="$BASE/api/v1/posts?q=council%20kanekane"
    [search-newest]="$BASE/api/v1/posts?q=council%20kanekane&sort=newest"
    [feed-rss]="$BASE/api/v1/feeds/posts.rss"
    [tree-first-page]="$TREE"
    [tree-whole]="$WHOLE"
    [tree-304]="$TREE|If-None-Match: $(etag "$TREE")"
    [wp-post-list]="$WP/posts?per_page=20"
    [wp-post-list-embed]="$WP/posts?per_page=20&_embed"
    [wp-post-by-id]="$WP/posts/$WP_ID"
    [wp-post-embed]="$WP/posts/$WP_ID?_embed"
    [wp-comments]="$WP/comments?post=$WP_ID&per_page=100"
    [wp-search]="$WP/search?search=council%20kanekane"
  )
  declare -ga ORDER UNCACHED_ORDER
  ORDER=(post-list post-list-deep-90pct post-by-slug post-304 category-tree tag-list search search-newest
         feed-rss tree-first-page tree-whole tree-304
         wp-post-list wp-post-list-embed wp-post-by-id wp-post-embed wp-comments wp-search)
  # without the cache: what a miss costs, and how it scales with the data
  UNCACHED_ORDER=(post-list post-list-deep-90pct post-by-slug category-tree tag-list search search-newest
                  feed-rss tree-first-page tree-whole
                  wp-post-list wp-post-list-embed wp-post-by-id wp-post-embed wp-comments wp-search)
}
