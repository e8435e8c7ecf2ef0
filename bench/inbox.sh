#!/usr/bin/env bash
# The officers' inbox with 10,000 open cases in PostgreSQL: loads bench/stats-data.sql (200,000 cases), closes all
# but 10,000 of the open ones, logs in as the coordinator (who sees every case) and times GET /admin and the
# htmx refresh of its list, 10 times each.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${BENCH_PORT:-18097}
DB=hotline_inbox_bench
[ -f admin/target/hotline.jar ] || ./mvnw -B -ntp -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)" -c "create database $DB"
WORK=$(mktemp -d /tmp/hotline-inbox-XXXXXX)
"$JAVA_HOME/bin/java" -Xmx256m -jar admin/target/hotline.jar --server.port="$PORT" --hotline.data-dir="$WORK" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB?options=-c%20jit%3Doff" --spring.datasource.username=postgres \
  --hotline.redis.url=redis://127.0.0.1:6379/7 --hotline.encryption-key="$(head -c 32 /dev/urandom | base64)" \
  --hotline.admin-password=bench-only-password > "$WORK/hotline.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
bench_wait_up "$PORT"
psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/stats-data.sql
psql -h 127.0.0.1 -U postgres -d "$DB" -q -c "
  update help_case set status = 'CLOSED', closed_at = updated_at
  where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')
    and id not in (select id from help_case where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS') order by id desc limit 10000)" -c "analyze"
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select 'open cases: ' || count(*) from help_case where status in ('NEW', 'ASSIGNED', 'IN_PROGRESS')"
JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -d "username=admin&password=bench-only-password&_csrf=$TOKEN" "http://127.0.0.1:$PORT/login"
time_of() { curl -s -b "$JAR" -o /dev/null -w '%{time_total}' -H 'Accept: text/html' "$@" | awk '{printf "%.0f", $1 * 1000}'; }
for page in "/admin" "/admin?status=open&category=violence"; do
  printf '| GET %s (coordinator, all cases) |' "$page"
  for _ in $(seq 1 10); do printf ' %s |' "$(time_of "http://127.0.0.1:$PORT$page")"; done
  echo
done
printf '| htmx refresh of the list |'
for _ in $(seq 1 10); do printf ' %s |' "$(time_of -H 'HX-Request: true' "http://127.0.0.1:$PORT/admin")"; done
echo
printf 'page size: %s bytes\n' "$(curl -s -b "$JAR" -H 'Accept: text/html' "http://127.0.0.1:$PORT/admin" | wc -c)"
