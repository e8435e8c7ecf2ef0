#!/usr/bin/env bash
# Statistics on 1,000,000 messages and 200,000 cases in PostgreSQL: creates the database hotline_stats_bench,
# lets the hotline create its schema, loads bench/stats-data.sql, then times the JSON API (which runs every query
# of the dashboard) and the dashboard page for a month, the six-month report and a whole year, RUNS times each
# (default 5), signed in as on the dashboard.
#
#   bench/stats.sh                          # the hotline built in admin/target
#   JAR=/tmp/before.jar bench/stats.sh      # another build, e.g. the one before a change, on the same data
#   KEEP_DATA=1 bench/stats.sh              # reuse the loaded database of an earlier run (no reload)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${BENCH_PORT:-18096}
RUNS=${RUNS:-5}
JAR=${JAR:-admin/target/hotline.jar}
DB=hotline_stats_bench
[ -f "$JAR" ] || ./mvnw -B -ntp -o -q -DskipTests package
if [ -z "${KEEP_DATA:-}" ]; then
  psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)" -c "create database $DB"
fi
WORK=$(mktemp -d /tmp/hotline-stats-XXXXXX)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
start_hotline() {
  # A throwaway key: the bench's messages are generated, nothing to keep.
  "$JAVA_HOME/bin/java" -Xmx256m -jar "$JAR" --server.port="$PORT" --hotline.data-dir="$WORK" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
    --hotline.redis.url=redis://127.0.0.1:6379/6 --hotline.admin-password=bench-only-password \
    --hotline.encryption-key="$(head -c 32 /dev/urandom | base64)" > "$WORK/hotline.log" 2>&1 &
  PID=$!
  # Slow on a busy machine: up to 4 minutes.
  for _ in $(seq 1 480); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "the hotline did not start:" >&2
  grep -m 5 -E "ERROR|Exception" "$WORK/hotline.log" >&2 || tail -20 "$WORK/hotline.log" >&2
  exit 1
}
echo "load before: $(uptime)"
start_hotline
if [ -z "${KEEP_DATA:-}" ]; then
  echo "loading 1,000,000 messages and 200,000 cases..."
  /usr/bin/time -f "loaded in %e s" psql -h 127.0.0.1 -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 -f bench/stats-data.sql
fi
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select 'messages: ' || count(*) from message" -c "select 'cases: ' || count(*) from help_case"
BASE="http://127.0.0.1:$PORT"
# Signed in once, as on the dashboard: the timed requests then carry the session, not a password to hash.
COOKIES="$WORK/cookies"
TOKEN=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=bench-only-password" \
  --data-urlencode "_csrf=$TOKEN" "$BASE/login"
# An officer of one trusted address (same password): officers' figures are counted from the cases, not the roll-ups.
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "
  insert into account (username, password_hash, display_name, roles, enabled, created_at)
  select 'bench-officer', password_hash, 'Bench officer', 'OFFICER', true, now() from account where username = 'admin'
  on conflict (username) do nothing;
  insert into account_service_point (account_id, service_point_id)
  select id, 'dctc-ngo-may' from account where username = 'bench-officer' on conflict do nothing;"
OFFICER="$WORK/officer-cookies"
TOKEN=$(curl -fs -c "$OFFICER" -b "$OFFICER" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -c "$OFFICER" -b "$OFFICER" -o /dev/null --data-urlencode "username=bench-officer" --data-urlencode "password=bench-only-password" \
  --data-urlencode "_csrf=$TOKEN" "$BASE/login"
ms() { curl -s -o /dev/null -w '%{time_total}' "$@" | awk '{printf "%.0f", $1 * 1000}'; }
PERIODS=("from=2026-03-01&to=2026-03-31" "preset=six-months&year=2026" "from=2025-01-01&to=2025-12-31")
# One untimed call per period first: the first call after start pays for class loading and the JIT, and on a
# freshly loaded database for counting the daily roll-ups.
for q in "${PERIODS[@]}"; do
  echo "first call $q: $(ms -b "$COOKIES" "$BASE/api/v1/stats?$q") ms"
done
row() {
  printf '| %s |' "$1"; shift
  for _ in $(seq 1 "$RUNS"); do printf ' %s |' "$(ms "$@")"; done
  echo
}
printf '| request |'; for i in $(seq 1 "$RUNS"); do printf ' run %s ms |' "$i"; done; echo
printf '|---|'; for _ in $(seq 1 "$RUNS"); do printf -- '---:|'; done; echo
for q in "${PERIODS[@]}"; do row "API $q" -b "$COOKIES" "$BASE/api/v1/stats?$q"; done
# The dashboard page: the same figures, the charts' data and the exports list, rendered.
for q in "from=2026-03-01&to=2026-03-31" "from=2025-12-01&to=2026-05-31" "from=2025-01-01&to=2025-12-31"; do
  row "dashboard $q" -b "$COOKIES" "$BASE/admin/stats?$q"
done
for q in "preset=six-months&year=2026" "from=2025-01-01&to=2025-12-31"; do
  row "API, an officer's own service point, $q" -b "$OFFICER" "$BASE/api/v1/stats?$q"
done
# What a request costs before any figure: refused for its period (400), with the session, and with basic
# authentication (a password hash at every request; the earlier figures in docs/benchmarks.md were taken so).
row "API from=bad (400)" -b "$COOKIES" "$BASE/api/v1/stats?from=bad&to=bad"
row "API from=bad (400), basic auth" -u admin:bench-only-password "$BASE/api/v1/stats?from=bad&to=bad"
row "API year, basic auth" -u admin:bench-only-password "$BASE/api/v1/stats?from=2025-01-01&to=2025-12-31"
echo "load after: $(uptime)"
