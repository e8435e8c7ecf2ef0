#!/usr/bin/env bash
# A flight recording of the web chat path under a full-speed burst, then where the CPU went, by thread and by the
# hotline's own steps. Embedded default, heap 256 MB, ports 18290-18291.
#   bench/profile.sh [JAR=admin/target/hotline.jar] [OUT=/tmp/hotline-webchat.jfr]
#   bench/jfr_summary.py OUT [pattern]          # again, with other frames; see its header
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${1:-admin/target/hotline.jar}; OUT=${2:-/tmp/hotline-webchat.jfr}
PORT=18290
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
work=$(mktemp -d /tmp/hotline-profile-XXXXXX)
"$JAVA_HOME/bin/java" -Xmx256m -jar "$JAR" --server.port=$PORT --hotline.data-dir="$work" --hotline.redis.embedded-port=$((PORT + 1)) \
  --hotline.bench.bare-endpoint=true --hotline.webchat.per-session-per-minute=0 --hotline.webchat.per-address-per-minute=0 \
  --hotline.admin-password=bench-only-password > "$work/hotline.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
bench_wait_up "$PORT"
bench_chat_sessions "$PORT" 256 > "$work/cookies"
export BENCH_COOKIES="$work/cookies" BENCH_OFFSET=0 BENCH_DELAY_MS=0 BENCH_PATH=/chat/api/messages
wrk -t1 -c32 -d8s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" >/dev/null # warm-up
sleep 10 # the workers finish the warm-up's messages
"$JAVA_HOME/bin/jcmd" $pid JFR.start name=burst settings=profile filename="$OUT" >/dev/null
wrk -t1 -c32 -d15s -s bench/chat.lua "http://127.0.0.1:$PORT/chat/api/messages" | grep RESULT
sleep 5 # and the burst's
"$JAVA_HOME/bin/jcmd" $pid JFR.stop name=burst >/dev/null
python3 bench/jfr_summary.py "$OUT" \
  'MessageProcessor\.(handleAll|claim|process)$|Conversation\.respond$|Outbox\.answer$|MessageIntake\.(accept|write)$|MessageClassifier\.classify$|ContentCipher\.(seal|open)$|prepareLocal$|MVStore\.commit$'
