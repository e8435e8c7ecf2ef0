#!/usr/bin/env bash
# What one web chat message costs the stores, counted rather than timed: rows written per table, commits and WAL
# bytes on PostgreSQL, commands per kind on Redis, and the CPU of the hotline, PostgreSQL and Redis. Counts do not
# depend on how fast the machine is that day, so two builds can be compared on any machine.
# Runs the hotline on PostgreSQL (database hotline_bill) and Redis (db 6) on 127.0.0.1, warms up, then counts over
# a paced load and the work it leaves (replies), per message accepted.
#   bench/bill.sh [JAR=admin/target/hotline.jar] [--hotline.setting=value ...]
#   CONN=16 DELAY=20 SECS=10 bench/bill.sh ...   # wrk connections, pause after each answer (ms), seconds counted
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${1:-admin/target/hotline.jar}; shift || true
CONN=${CONN:-16}; DELAY=${DELAY:-20}; SECS=${SECS:-10}
PORT=18490; DB=hotline_bill
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)" -c "create database $DB" 2>/dev/null
redis-cli -n 6 flushdb >/dev/null
work=$(mktemp -d /tmp/hotline-bill-XXXXXX)
"$JAVA_HOME/bin/java" -Xmx256m -jar "$JAR" --server.port=$PORT --hotline.data-dir="$work" \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --hotline.redis.url=redis://127.0.0.1:6379/6 --hotline.encryption-key="$(head -c 32 /dev/urandom | base64)" \
  --hotline.webchat.per-session-per-minute=0 --hotline.webchat.per-address-per-minute=0 \
  --hotline.admin-password=bench-only-password "$@" > "$work/hotline.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
bench_wait_up "$PORT"
bench_chat_sessions "$PORT" 200 > "$work/cookies"
export BENCH_COOKIES="$work/cookies" BENCH_OFFSET=0 BENCH_PATH=/chat/api/messages BENCH_DELAY_MS=$DELAY
load() { wrk -t1 -c"$CONN" -d"$1"s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" | grep '^RESULT'; }
load 10 >/dev/null # warm-up: every woman has her case and her conversation by now
sleep 8
# name value, one a line
snapshot() {
  psql -h 127.0.0.1 -U postgres -d $DB -Atc "select 'rows inserted: ' || relname, n_tup_ins from pg_stat_user_tables
      union all select 'rows updated: ' || relname, n_tup_upd from pg_stat_user_tables
      union all select 'rows deleted: ' || relname, n_tup_del from pg_stat_user_tables
      union all select 'commits', xact_commit from pg_stat_database where datname = '$DB'
      union all select 'WAL bytes (whole server)', wal_bytes from pg_stat_wal" -F '|'
  redis-cli info commandstats | tr -d '\r' | sed -n 's/^cmdstat_\([a-z|]*\):calls=\([0-9]*\).*/Redis \1 (whole server)|\2/p'
  echo "CPU ms: hotline|$(awk '{print ($14 + $15) * 10}' /proc/$pid/stat)"
  echo "CPU ms: PostgreSQL|$(for p in $(pgrep -x postgres); do awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null; done | awk '{s += $1} END {print s * 10}')"
  echo "CPU ms: Redis|$(awk '{print ($14 + $15) * 10}' /proc/$(pgrep -f 'redis-server 127.0.0.1:6379' | head -1)/stat)"
  psql -h 127.0.0.1 -U postgres -d $DB -Atc "select 'messages in', count(*) from message where direction = 'IN'" -F '|'
}
sleep 1 # PostgreSQL publishes its counters about once a second
snapshot > "$work/before"
result=$(load "$SECS")
sleep 10 # the replies of the last messages
snapshot > "$work/after"
echo "hotline: $JAR; $CONN connections, ${DELAY} ms between a connection's messages, counted over ${SECS} s and the work left after"
echo "load: $result"
echo
echo "| per message accepted | |"
echo "|---|---:|"
awk -F'|' 'NR == FNR {before[$1] = $2; next}
  {after[$1] = $2; order[++n] = $1}
  END {
    m = after["messages in"] - before["messages in"]
    if (m <= 0) { print "no messages counted"; exit 1 }
    for (i = 1; i <= n; i++) {
      k = order[i]; d = after[k] - before[k]
      if (k == "messages in") printf "| messages counted | %d |\n", d
      else if (d != 0) printf "| %s | %.2f |\n", k, d / m
    }
  }' "$work/before" "$work/after"
