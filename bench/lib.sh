# Shared by bench/run.sh and bench/import.sh: build, database, start and clean-up of the packaged app.
# Expects DB (h2|postgresql), SKIP_BUILD (0|1), WORK (a scratch directory), PORT, BASE and TOKEN.

build_app() {
  if [ "$SKIP_BUILD" = 0 ]; then
    echo "== building the packaged app for $DB"
    ./mvnw -B -q package -DskipTests "-D%prod.quarkus.datasource.db-kind=$DB"
  fi
}

# Points GAZETTE_DB_* at a fresh database: a new PostgreSQL database, or an H2 file under $WORK.
setup_db() {  # $1: name prefix of the PostgreSQL database
  if [ "$DB" = postgresql ]; then
    PGHOST=${PGHOST:-127.0.0.1}
    pg_isready -q -h "$PGHOST" || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    DBNAME="$1_$$"
    psql -h "$PGHOST" -U postgres -q -c "create database $DBNAME"
    export GAZETTE_DB_URL="jdbc:postgresql://$PGHOST:5432/$DBNAME" GAZETTE_DB_USER=postgres GAZETTE_DB_PASSWORD=
  else
    export GAZETTE_DB_URL="jdbc:h2:file:$WORK/gazette;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
           GAZETTE_DB_USER=sa GAZETTE_DB_PASSWORD=
  fi
}

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ "$DB" = postgresql ] && psql -h "$PGHOST" -U postgres -q -c "drop database if exists $DBNAME" 2>/dev/null || true
  rm -rf "$WORK"
}

# Starts the app with a 256 MB heap (extra environment in the arguments) and waits until it is ready.
start_app() {
  echo "== starting Gazette on $DB (port $PORT, -Xmx256m)"
  env "$@" GAZETTE_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
    java -Xmx256m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/q/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }
}
