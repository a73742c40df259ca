#!/usr/bin/env bash
# Starts Debian's Varnish (package varnish, with varnish-modules for xkey) in front of one or more
# local Gazette instances, with deploy/varnish/gazette.vcl.
#
#   deploy/varnish/run.sh --listen 127.0.0.1:6081 --backend 127.0.0.1:8080 --backend 127.0.0.1:8081 \
#       --purger 127.0.0.1 [--workdir DIR] [--memory 256m] [--foreground]
#
# Then point Gazette's purges at it: GAZETTE_HTTP_EDGE_PURGE_URLS=http://127.0.0.1:6081/ (each
# instance), and readers at http://127.0.0.1:6081/. Stop it with: kill "$(cat DIR/varnishd.pid)".
# Backends are balanced round-robin and checked through /q/health/ready every 2 s: an instance
# whose database is unreachable gets no traffic, and while none is ready Varnish serves what it
# holds for as long as the answers' stale-if-error allows.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

listen=127.0.0.1:6081
workdir=${TMPDIR:-/tmp}/gazette-varnish
memory=256m
foreground=false
backends=()
purgers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --listen) listen=$2; shift 2 ;;
    --backend) backends+=("$2"); shift 2 ;;
    --purger) purgers+=("$2"); shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --memory) memory=$2; shift 2 ;;
    --foreground) foreground=true; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#backends[@]} -gt 0 ] || backends=(127.0.0.1:8080)
[ ${#purgers[@]} -gt 0 ] || purgers=(127.0.0.1)

command -v varnishd >/dev/null || PATH=$PATH:/usr/sbin
command -v varnishd >/dev/null || { echo "varnishd not found: apt-get install varnish varnish-modules" >&2; exit 1; }
[ -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ] || ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 \
  || { echo "the xkey module is missing: apt-get install varnish-modules" >&2; exit 1; }

mkdir -p "$workdir"
# varnishd reads the VCL as its own unprivileged user
chmod a+rx "$workdir"
cp "$here/gazette.vcl" "$workdir/gazette.vcl"
{
  echo "# written by deploy/varnish/run.sh"
  i=0
  for b in "${backends[@]}"; do
    echo "backend gazette$i {"
    echo "    .host = \"${b%:*}\";"
    echo "    .port = \"${b##*:}\";"
    echo "    .probe = { .url = \"/q/health/ready\"; .interval = 2s; .timeout = 1s; .window = 3; .threshold = 2; .initial = 2; }"
    echo "}"
    i=$((i + 1))
  done
  echo "acl purgers {"
  for p in "${purgers[@]}"; do echo "    \"$p\";"; done
  echo "}"
  echo "sub vcl_init {"
  echo "    new gazette = directors.round_robin();"
  i=0
  for _ in "${backends[@]}"; do echo "    gazette.add_backend(gazette$i);"; i=$((i + 1)); done
  echo "}"
} > "$workdir/site.vcl"
chmod a+r "$workdir/gazette.vcl" "$workdir/site.vcl"

args=(-a "$listen" -f "$workdir/gazette.vcl" -n "$workdir/state" -s "malloc,$memory"
      -p default_ttl=0 -p default_grace=0)
if $foreground; then
  exec varnishd -F "${args[@]}"
fi
varnishd "${args[@]}" -P "$workdir/varnishd.pid"
echo "varnish listening on $listen (pid $(cat "$workdir/varnishd.pid"), backends ${backends[*]}, purgers ${purgers[*]}, workdir $workdir)"
