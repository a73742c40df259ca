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
    export GAZETTE_DB_URL="jdbc:h2:file:$WORK/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
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
  if [ "$DB" = postgresql ] && [ -z "${KEEP_DATABASE:-}" ]; then
    psql -h "$PGHOST" -U postgres -q -c "drop database if exists $DBNAME" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}

# The JVM as the benchmark runs it: a 256 MB heap and few native arenas, so the whole process
# stays well under 512 MB resident (see bench/README.md).
JAVA_OPTS_BENCH=${JAVA_OPTS_BENCH:--Xmx256m -XX:+UseSerialGC}

# Starts the app (extra environment in the arguments) and waits until it is ready.
start_app() {
  if curl -s -o /dev/null "$BASE/"; then echo "port $PORT is taken (set BENCH_PORT)" >&2; exit 1; fi
  echo "== starting Gazette on $DB (port $PORT, $JAVA_OPTS_BENCH${*:+, $*})"
  # shellcheck disable=SC2086
  env "$@" GAZETTE_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
    java $JAVA_OPTS_BENCH -jar "$WORK/app/quarkus-run.jar" >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/q/health/ready" >/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  curl -sf "$BASE/q/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }
}
