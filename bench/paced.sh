#!/usr/bin/env bash
# The web chat at a steady rate, row after row, with what the hotline and the machine spent on it: after a warm-up
# (bare endpoint 10 s, web chat at full speed 20 s, then 20 s for the workers to finish), ROWS rows of 15 s at RATE
# requests a second (50 connections on one timetable, as in run.sh), each with p50/p99, the hotline's CPU (100% = one
# core, from /proc, so wrk's share is left out) and the machine's idle share. Later rows run on a JVM whose compiler
# has finished more of its work: compare builds row by row. Embedded default, heap 256 MB, ports 18090-18091.
#   bench/paced.sh [JAR=admin/target/hotline.jar] [--hotline.setting=value ...]
#   RATE=1000 ROWS=3 BENCH_JAVA_OPTS="-XX:+UseSerialGC" bench/paced.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${1:-admin/target/hotline.jar}; shift || true
RATE=${RATE:-1000}; ROWS=${ROWS:-3}
PORT=18090
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
work=$(mktemp -d /tmp/hotline-paced-XXXXXX)
"$JAVA_HOME/bin/java" -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --hotline.data-dir="$work" --hotline.redis.embedded-port=$((PORT + 1)) \
  --hotline.bench.bare-endpoint=true --hotline.webchat.per-session-per-minute=0 --hotline.webchat.per-address-per-minute=0 \
  --hotline.admin-password=bench-only-password "$@" > "$work/hotline.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
bench_wait_up "$PORT"
bench_chat_sessions "$PORT" 512 > "$work/cookies"
export BENCH_COOKIES="$work/cookies" BENCH_OFFSET=0 BENCH_DELAY_MS=0
BENCH_PATH=/chat/api/bare wrk -t1 -c32 -d10s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/bare" >/dev/null
BENCH_PATH=/chat/api/messages wrk -t1 -c32 -d20s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" >/dev/null
sleep 20
echo "| row | req/s | p50 ms | p99 ms | p99.9 ms | hotline CPU | machine idle |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for row in $(seq 1 "$ROWS"); do
  idle0=$(awk '/^cpu /{print $5 + $6}' /proc/stat); cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  result=$(BENCH_RATE=$RATE BENCH_PATH=/chat/api/messages wrk -t1 -c50 -d15s --timeout 10s -s bench/chat.lua \
    "http://127.0.0.1:$PORT/chat/api/messages" | grep RESULT)
  idle1=$(awk '/^cpu /{print $5 + $6}' /proc/stat); cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  field() { sed "s/.* $1=\([0-9.]*\).*/\1/" <<<"$result"; }
  # /proc/stat's idle counts every core: divided by their number, as a share of the machine.
  printf '| %d | %s | %s | %s | %s | %d%% | %d%% |\n' "$row" "$(field rps)" "$(field p50)" "$(field p99)" "$(field p999)" \
    $(( (cpu1 - cpu0) * 100 / $(getconf CLK_TCK) / 15 )) $(( (idle1 - idle0) * 100 / $(getconf CLK_TCK) / 15 / $(nproc) ))
  sleep 3
done
