#!/usr/bin/env bash
# Two builds of the hotline side by side on the web chat path, interleaved (A B A B ...) so that a machine whose
# speed drifts treats both alike: for each run, the bare ceiling, the web chat at full speed (32 connections, 15 s),
# the hotline's CPU per accepted message (from /proc, so wrk's share is left out) and how long the workers took to
# queue every reply afterwards. Embedded default, heap 256 MB, ports 18090-18091.
#   bench/compare.sh OLD.jar NEW.jar [rounds=2]
# Keep a build to compare with: cp admin/target/hotline.jar /tmp/before.jar, change, package, then compare.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OLD=$1; NEW=$2; ROUNDS=${3:-2}
PORT=18090
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
one() { # jar
  local work pid cpu0 cpu1 result n a b start
  work=$(mktemp -d /tmp/hotline-compare-XXXXXX)
  "$JAVA_HOME/bin/java" -Xmx256m -jar "$1" --server.port=$PORT --hotline.data-dir="$work" --hotline.redis.embedded-port=$((PORT + 1)) \
    --hotline.bench.bare-endpoint=true --hotline.webchat.per-session-per-minute=0 --hotline.webchat.per-address-per-minute=0 \
    --hotline.admin-password=bench-only-password > "$work/hotline.log" 2>&1 &
  pid=$!
  bench_wait_up "$PORT"
  bench_chat_sessions "$PORT" 512 > "$work/cookies"
  export BENCH_COOKIES="$work/cookies" BENCH_OFFSET=0 BENCH_DELAY_MS=0
  bare=$(BENCH_PATH=/chat/api/bare wrk -t1 -c32 -d8s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/bare" | grep RESULT)
  warm=$(BENCH_PATH=/chat/api/messages wrk -t1 -c32 -d10s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" | grep RESULT)
  sleep 5
  cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  result=$(BENCH_PATH=/chat/api/messages wrk -t1 -c32 -d15s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" | grep RESULT)
  cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  n=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  # Every message accepted (warm-up and burst) has its reply queued: one log line each.
  accepted=$(( $(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$warm") - $(sed 's/.*non2xx=\([0-9]*\).*/\1/' <<<"$warm") \
    + n - $(sed 's/.*non2xx=\([0-9]*\).*/\1/' <<<"$result") ))
  start=$(date +%s.%N)
  for _ in $(seq 1 480); do [ "$(grep -c 'replyQueuedAfterMs=' "$work/hotline.log" || true)" -ge "$accepted" ] && break; sleep 0.25; done
  printf '| %-28s | %7s | %7s | %7s | %7s | %5.2f | %5.1f |\n' "$(basename "$1")" \
    "$(sed 's/.*rps=\([0-9]*\).*/\1/' <<<"$bare")" "$(sed 's/.*rps=\([0-9]*\).*/\1/' <<<"$result")" \
    "$(sed 's/.*p50=\([0-9.]*\).*/\1/' <<<"$result")" "$(sed 's/.*p99=\([0-9.]*\).*/\1/' <<<"$result")" \
    "$(echo "($cpu1 - $cpu0) * 1000 / $(getconf CLK_TCK) / $n" | bc -l)" "$(echo "$(date +%s.%N) - $start" | bc)"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
}
echo "| build | bare req/s | web chat req/s | p50 ms | p99 ms | hotline CPU ms per accepted message, during the burst | replies all queued after (s) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for _ in $(seq 1 "$ROUNDS"); do one "$OLD"; one "$NEW"; done
