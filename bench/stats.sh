#!/usr/bin/env bash
# Statistics on 1,000,000 messages and 200,000 cases in PostgreSQL: creates the database hotline_stats_bench,
# lets the hotline create its schema, loads bench/stats-data.sql, then times the dashboard's query (the JSON
# API, which runs all of them) for a month, the six-month report and a whole year, 5 times each.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${BENCH_PORT:-18096}
DB=hotline_stats_bench
[ -f admin/target/hotline.jar ] || ./mvnw -B -ntp -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)" -c "create database $DB"
WORK=$(mktemp -d /tmp/hotline-stats-XXXXXX)
start_hotline() {
  "$JAVA_HOME/bin/java" -Xmx256m -jar admin/target/hotline.jar --server.port="$PORT" --hotline.data-dir="$WORK" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
    --hotline.redis.url=redis://127.0.0.1:6379/6 --hotline.admin-password=bench-only-password > "$WORK/hotline.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return; sleep 0.5; done
}
start_hotline
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
echo "loading 1,000,000 messages and 200,000 cases..."
/usr/bin/time -f "loaded in %e s" psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/stats-data.sql
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select 'messages: ' || count(*) from message" -c "select 'cases: ' || count(*) from help_case"
echo "| period | run 1 ms | run 2 ms | run 3 ms | run 4 ms | run 5 ms |"
echo "|---|---:|---:|---:|---:|---:|"
for q in "from=2026-03-01&to=2026-03-31" "preset=six-months&year=2026" "from=2025-01-01&to=2025-12-31"; do
  printf '| %s |' "$q"
  for _ in 1 2 3 4 5; do
    printf ' %.0f |' "$(curl -s -o /dev/null -w '%{time_total}' -u admin:bench-only-password "http://127.0.0.1:$PORT/api/v1/stats?$q" | awk '{print $1 * 1000}')"
  done
  echo
done
