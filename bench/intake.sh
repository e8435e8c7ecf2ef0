#!/usr/bin/env bash
# Durable ingestion against the bare ceiling, the load issue's first ratio: the hotline with its workers stopped, so
# that only the intake runs (validate, classify, durable insert with group commit, XADD, answer 202), wrk at full speed
# on the bare endpoint and then on the web chat, ROUNDS times in turn after a warm-up of each. Prints each row with the
# hotline's CPU (100% = one core, wrk's share left out) and the machine's idle share, then the ratio of each round.
#   bench/intake.sh [JAR=admin/target/hotline.jar] [--hotline.setting=value ...]
#   CONN=32 SECS=10 ROUNDS=2 BENCH_DB=postgres PROFILE=/tmp/intake.jfr bench/intake.sh ...
# PROFILE: a flight recording of the first round's web chat row. Ports 18090-18091; BENCH_DB=postgres uses the
# database hotline_bench and Redis db 5 on 127.0.0.1, as bench/run.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${1:-admin/target/hotline.jar}; shift || true
CONN=${CONN:-32}; SECS=${SECS:-10}; ROUNDS=${ROUNDS:-2}
PORT=18090
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
work=$(mktemp -d /tmp/hotline-intake-XXXXXX)
bench_stores "$PORT"
"$JAVA_HOME/bin/java" -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT --hotline.data-dir="$work" "${STORES[@]}" \
  --hotline.bench.bare-endpoint=true --hotline.webchat.per-session-per-minute=0 --hotline.webchat.per-address-per-minute=0 \
  --hotline.workers.processing-threads=0 --hotline.workers.delivery-threads=0 --hotline.queue.sweep-every=PT1H \
  --hotline.admin-password=bench-only-password "$@" > "$work/hotline.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
bench_wait_up "$PORT"
bench_chat_sessions "$PORT" 512 > "$work/cookies"
export BENCH_COOKIES="$work/cookies" BENCH_OFFSET=0 BENCH_DELAY_MS=0
BENCH_PATH=/chat/api/bare wrk -t1 -c"$CONN" -d10s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/bare" >/dev/null
BENCH_PATH=/chat/api/messages wrk -t1 -c"$CONN" -d10s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" >/dev/null
echo "machine: $(nproc) cores; hotline: $JAR ($(sha256sum "$JAR" | cut -c1-12)), ${BENCH_DB:-embedded} stores, workers stopped; $CONN connections, ${SECS} s a row"
echo
echo "| round | load | req/s | p50 ms | p99 ms | hotline CPU | machine idle |"
echo "|---:|---|---:|---:|---:|---:|---:|"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  for path in /chat/api/bare /chat/api/messages; do
    profiled=$([ -n "${PROFILE:-}" ] && [ "$path" = /chat/api/messages ] && [ "$round" = 1 ] && echo yes || true)
    [ -n "$profiled" ] && "$JAVA_HOME/bin/jcmd" $pid JFR.start name=intake settings=profile filename="$PROFILE" >/dev/null
    idle0=$(awk '/^cpu /{print $5 + $6}' /proc/stat); cpu0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    result=$(BENCH_PATH=$path wrk -t1 -c"$CONN" -d"$SECS"s -s bench/chat.lua "http://127.0.0.1:$PORT$path" | grep RESULT)
    idle1=$(awk '/^cpu /{print $5 + $6}' /proc/stat); cpu1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    [ -n "$profiled" ] && "$JAVA_HOME/bin/jcmd" $pid JFR.stop name=intake >/dev/null
    field() { sed "s/.* $1=\([0-9.]*\).*/\1/" <<<"$result"; }
    [ "$(field non2xx)" = 0 ] || echo "refused or failed: $result" >&2
    rps=$(field rps)
    if [ "$path" = /chat/api/bare ]; then bare=$rps; name="bare endpoint"; else name="web chat, intake alone"; ratios+=("$(( rps * 100 / bare ))%"); fi
    printf '| %d | %s | %s | %s | %s | %d%% | %d%% |\n' "$round" "$name" "$rps" "$(field p50)" "$(field p99)" \
      $(( (cpu1 - cpu0) * 100 / $(getconf CLK_TCK) / SECS )) $(( (idle1 - idle0) * 100 / $(getconf CLK_TCK) / SECS / $(nproc) ))
  done
done
echo
echo "durable ingestion against the bare ceiling, round by round: ${ratios[*]}"
