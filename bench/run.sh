#!/usr/bin/env bash
# Load benchmark of the intake: web chat, signed Zalo webhooks and Telegram webhooks, side by side with a bare
# endpoint (same server, filters and security, answering 200 without work) as the ceiling. Starts the hotline on
# its embedded default (H2 files, embedded redis-server) with the heap capped at 256 MB, and local stand-ins for
# the Telegram and Zalo APIs (bench/BenchPlatforms.java) so that replies leave without errors; drives loopback load
# with wrk, prints a Markdown table. Between rows it waits until every accepted message has its reply queued and, after
# the Zalo rows, until the replies have left, so that a row is not measured while the last one's work goes on.
#   bench/run.sh [seconds per run=15] [connections=32] [paced rate/s=1000]
# BENCH_DB=postgres uses PostgreSQL (database hotline_bench) and Redis (db 5) on 127.0.0.1 instead.
# BENCH_JAR=path measures another build (default admin/target/hotline.jar), e.g. a kept copy of the one before a change.
# BENCH_ONLY=zalo (or webchat, telegram; several with commas) runs only those channels' rows beside the bare endpoint's.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
only=${BENCH_ONLY:-}
for one in ${only//,/ }; do
  case "$one" in webchat|zalo|telegram) ;; *) echo "BENCH_ONLY: '$one' is none of webchat, zalo, telegram" >&2; exit 1 ;; esac
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
SECS=${1:-15}; CONN=${2:-32}; RATE=${3:-1000}
# BENCH_SESSIONS: web chat sessions (default 512)
PORT=${BENCH_PORT:-18090}
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
JAR=${BENCH_JAR:-admin/target/hotline.jar}
[ -f "$JAR" ] || ./mvnw -B -ntp -q -DskipTests package
for p in "$PORT" $((PORT + 1)) $((PORT + 2)); do # a run stopped half-way may have left something behind
  if ss -ltn | grep -q "127.0.0.1:$p "; then echo "port $p is taken (an earlier run left something?): stop it first" >&2; exit 1; fi
done
WORK=$(mktemp -d /tmp/hotline-bench-XXXXXX)
PLATFORMS=$((PORT + 2))
ZALO_APP_ID=360846524940903967
ZALO_OA_SECRET_KEY=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
TELEGRAM_SECRET=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
"$JAVA" bench/BenchPlatforms.java serve "$PLATFORMS" > "$WORK/platforms.log" 2>&1 &
PLATFORMS_PID=$!
# Every event is sent once: enough for full-speed and paced runs at a few thousand a second.
"$JAVA" bench/BenchPlatforms.java zalo-events $(( SECS * 12000 )) "$ZALO_APP_ID" "$ZALO_OA_SECRET_KEY" "$WORK/zalo-events.tsv"
export BENCH_ZALO_EVENTS="$WORK/zalo-events.tsv" BENCH_TELEGRAM_SECRET="$TELEGRAM_SECRET"
ZALO_SENT=0
TELEGRAM_RUN=0
bench_stores "$PORT"
# BENCH_JAVA_OPTS: more JVM options for the hotline (a flight recording, say).
"$JAVA" -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --hotline.data-dir="$WORK" "${STORES[@]}" \
  --hotline.telegram.token=123456:bench --hotline.telegram.api-url="http://127.0.0.1:$PLATFORMS" \
  --hotline.telegram.webhook-secret="$TELEGRAM_SECRET" \
  --hotline.zalo.app-id="$ZALO_APP_ID" --hotline.zalo.app-secret=bench-app-secret --hotline.zalo.oa-secret-key="$ZALO_OA_SECRET_KEY" \
  --hotline.zalo.access-token=bench-access --hotline.zalo.refresh-token=bench-refresh \
  --hotline.zalo.api-url="http://127.0.0.1:$PLATFORMS" --hotline.zalo.oauth-url="http://127.0.0.1:$PLATFORMS" \
  --hotline.bench.bare-endpoint=true --hotline.webchat.per-session-per-minute=0 --hotline.webchat.per-address-per-minute=0 \
  --hotline.admin-password=bench-only-password > "$WORK/hotline.log" 2>&1 &
PID=$!
# BENCH_KEEP=1 keeps the data directory (H2 files, log) for a look afterwards; its path is printed at the end.
trap 'kill $PID $PLATFORMS_PID 2>/dev/null; wait $PID 2>/dev/null; if [ -n "${BENCH_KEEP:-}" ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi' EXIT
bench_wait_up "$PORT"
# Many women, each writing a few messages, as on the real hotline (not a few writing hundreds a second).
SESSIONS=${BENCH_SESSIONS:-512}
bench_chat_sessions "$PORT" "$SESSIONS" > "$WORK/cookies"
export BENCH_COOKIES="$WORK/cookies"
URL="http://127.0.0.1:$PORT"
ACCEPTED=0
want() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }
# Seconds measured after each row; "-" for the rows BENCH_ONLY leaves out.
FULL_DRAIN=-; ZALO_DRAIN=-; ZALO_SETTLE=-; PACED_DRAIN=-; ZALO_PACED_DRAIN=-; ZALO_PACED_SETTLE=-
CALM_FROM=0; CALM_TO=0; CALM_URGENT=0; TELEGRAM_URGENT_FROM=0; TELEGRAM_DRAIN=-; TELEGRAM_PACED_DRAIN=-
secs() { [ "$1" = - ] && echo "- (not run)" || printf '%.1f s' "$1"; }

run() { # name path rate seconds [connections]; rate: requests a second on a timetable, 0 for full speed
  local out script=bench/chat.lua
  case "$2" in
    /webhooks/zalo) script=bench/zalo.lua ;;
    /webhooks/telegram) script=bench/telegram.lua; TELEGRAM_RUN=$((TELEGRAM_RUN + 1)) ;;
  esac
  out=$(BENCH_PATH="$2" BENCH_RATE="$3" BENCH_OFFSET=$([ "$2" = /webhooks/zalo ] && echo "$ZALO_SENT" || echo "$((TELEGRAM_RUN * 1000))") \
        wrk -t1 -c"${5:-$CONN}" -d"$4"s --timeout 10s -s "$script" "$URL$2" | grep '^RESULT')
  local requests non2xx
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$out"); non2xx=$(sed 's/.*non2xx=\([0-9]*\).*/\1/' <<<"$out")
  if [ "$2" = /webhooks/zalo ]; then ZALO_SENT=$((ZALO_SENT + requests)); fi
  if [ "$2" != /chat/api/bare ]; then ACCEPTED=$((ACCEPTED + requests - non2xx)); fi
  [ "$1" = warm-up ] && return
  awk -v name="$1" '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
    printf "| %-40s | %8d | %7d | %7.2f | %7.2f | %8.2f | %d / %d |\n", name, v["requests"], v["rps"], v["p50"], v["p99"], v["p999"], v["non2xx"], v["errors"]}' <<<"$out"
}

drain() { # waits until every accepted message has its reply queued; prints the seconds it took
  local start; start=$(date +%s.%N)
  for _ in $(seq 1 480); do
    DONE=$(grep -c 'replyQueuedAfterMs=' "$WORK/hotline.log" || true)
    [ "$DONE" -ge "$ACCEPTED" ] && break
    sleep 0.25
  done
  echo "$(date +%s.%N) - $start" | bc
}

settle() { # waits until the platforms' stand-in has taken no message for a second: a burst's replies to Zalo have left,
  # so that they are not sent during the next row; prints the seconds it took
  local start last="" now; start=$(date +%s.%N)
  for _ in $(seq 1 600); do
    now=$(curl -s "http://127.0.0.1:$PLATFORMS/sent")
    [ "$now" = "$last" ] && break
    last=$now; sleep 1
  done
  echo "$(date +%s.%N) - $start - 1" | bc
}

# Paced load: RATE requests a second on a fixed timetable (bench/common.lua), over RATE/20 connections, so that
# answers of up to 50 ms still leave a connection free for each slot. The table shows the rate actually achieved.
PACE=$RATE
PACED_CONN=$(( RATE / 20 ))
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); wrk on the same machine"
echo "hotline: $JAR ($(sha256sum "$JAR" | cut -c1-12)), ${BENCH_DB:-embedded} stores, -Xmx256m; $CONN connections, $SESSIONS web chat sessions, 512 Zalo users, 512 Telegram chats"
echo
run warm-up /chat/api/bare 0 10
run warm-up /chat/api/messages 0 10
run warm-up /webhooks/zalo 0 5
drain >/dev/null
settle >/dev/null # and the warm-up's replies to Zalo
WARM_URGENT=$(grep -c 'urgent reply [0-9]* left' "$WORK/hotline.log" || true)
echo "| load | requests | req/s | p50 ms | p99 ms | p99.9 ms | non-2xx / errors |"
echo "|---|---:|---:|---:|---:|---:|---|"
run "bare endpoint (ceiling), full speed" /chat/api/bare 0 "$SECS"
if want webchat; then
  run "web chat, durable intake, full speed" /chat/api/messages 0 "$SECS"
  FULL_DRAIN=$(drain)
fi
if want zalo; then
  run "signed Zalo webhook, full speed" /webhooks/zalo 0 "$SECS"
  ZALO_DRAIN=$(drain)
  ZALO_SETTLE=$(settle)
fi
run "bare endpoint, paced $RATE/s" /chat/api/bare "$PACE" "$SECS" "$PACED_CONN"
PACED_FROM=$(grep -c 'replyQueuedAfterMs=' "$WORK/hotline.log" || true)
if want webchat; then
  run "web chat, durable intake, paced $RATE/s" /chat/api/messages "$PACE" "$SECS" "$PACED_CONN"
  PACED_DRAIN=$(drain)
fi
if want zalo; then
  run "signed Zalo webhook, paced $RATE/s" /webhooks/zalo "$PACE" "$SECS" "$PACED_CONN"
  ZALO_PACED_DRAIN=$(drain)
  ZALO_PACED_SETTLE=$(settle)
fi
PACED_TO=$(grep -c 'replyQueuedAfterMs=' "$WORK/hotline.log" || true)
sleep 2 # the last replies leave
URGENT_LINES=$(grep -c 'urgent reply [0-9]* left' "$WORK/hotline.log" || true)
# Telegram last: its replies leave at most 30 a second (Telegram's limit for a bot), so they queue for minutes.
# First an ordinary burst with one urgent message in 50: the emergency answers must pass the queue of replies.
if want telegram; then
  CALM_FROM=$(grep -c 'urgent reply [0-9]* left' "$WORK/hotline.log" || true)
  CALM_URGENT_FROM=$(grep -c 'step=urgent' "$WORK/hotline.log" || true)
  export BENCH_URGENT_EVERY=50
  run "Telegram webhook, full speed, 1 in 50 urgent" /webhooks/telegram 0 "$SECS"
  unset BENCH_URGENT_EVERY
  CALM_DRAIN=$(drain)
  sleep 3 # the last emergency answers leave
  CALM_TO=$(grep -c 'urgent reply [0-9]* left' "$WORK/hotline.log" || true)
  CALM_URGENT=$(( $(grep -c 'step=urgent' "$WORK/hotline.log" || true) - CALM_URGENT_FROM ))
  TELEGRAM_URGENT_FROM=$(grep -c 'step=urgent' "$WORK/hotline.log" || true)
  run "Telegram webhook, full speed" /webhooks/telegram 0 "$SECS"
  TELEGRAM_DRAIN=$(drain)
  run "Telegram webhook, paced $RATE/s" /webhooks/telegram "$PACE" "$SECS" "$PACED_CONN"
  TELEGRAM_PACED_DRAIN=$(drain)
fi
echo
DONE=$(grep -c "replyQueuedAfterMs=" "$WORK/hotline.log" || true)
printf 'messages accepted: %d; replies queued: %d. Backlog of replies still to queue when the load stopped: cleared in %s after web chat full speed, %s after Zalo full speed, %s after Telegram full speed; %s / %s / %s after the paced runs\n' \
  "$ACCEPTED" "$DONE" "$(secs "$FULL_DRAIN")" "$(secs "$ZALO_DRAIN")" "$(secs "$TELEGRAM_DRAIN")" "$(secs "$PACED_DRAIN")" "$(secs "$ZALO_PACED_DRAIN")" "$(secs "$TELEGRAM_PACED_DRAIN")"
printf 'replies to Zalo all sent (the next row waits for them): %s after they were all queued, full speed; %s, paced\n' "$(secs "$ZALO_SETTLE")" "$(secs "$ZALO_PACED_SETTLE")"
grep -o 'replyQueuedAfterMs=[0-9]*' "$WORK/hotline.log" | awk -v from="$PACED_FROM" -v to="$PACED_TO" 'NR > from && NR <= to' \
  | cut -d= -f2 | sort -n | awk '{a[NR] = $1} END {
  if (NR == 0) { print "paced web chat and Zalo runs: not run"; exit }
  printf "paced web chat and Zalo runs, time from acceptance to reply queued: p50 %d ms, p99 %d ms, max %d ms\n", a[int(NR * 0.5)], a[int(NR * 0.99)], a[NR]}'
grep -o 'replyQueuedAfterMs=[0-9]*' "$WORK/hotline.log" | cut -d= -f2 | sort -n | awk '{a[NR] = $1} END {
  printf "whole run (full-speed bursts included), time from acceptance to reply queued: p50 %d ms, p99 %d ms, max %d ms\n",
    a[int(NR * 0.5)], a[int(NR * 0.99)], a[NR]}'
for from in 0 "$WARM_URGENT"; do # with the warm-up on a freshly started JVM, then without it
  grep -o 'urgent reply [0-9]* left [0-9]* ms' "$WORK/hotline.log" | awk -v from="$from" -v to="$URGENT_LINES" 'NR > from && NR <= to {print $5}' \
    | sort -n | awk -v what="$([ "$from" = 0 ] && echo "warm-up included" || echo "after the warm-up")" '{a[NR] = $1} END {
    if (NR == 0) { print "urgent replies: none recorded"; exit }
    over = 0; for (i = 1; i <= NR; i++) if (a[i] > 2000) over++
    m = int(NR * 0.5); if (m < 1) m = 1; q = int(NR * 0.99); if (q < 1) q = 1
    printf "urgent messages (web chat and Zalo runs, %s), time from arrival to the emergency answer leaving the hotline: p50 %d ms, p99 %d ms, max %d ms; %d of %d over 2 s\n",
      what, a[m], a[q], a[NR], over, NR}'
done
if want telegram; then
  grep -o 'urgent reply [0-9]* left [0-9]* ms' "$WORK/hotline.log" | awk -v from="$CALM_FROM" -v to="$CALM_TO" 'NR > from && NR <= to {print $5}' | sort -n \
    | awk -v urgent="$CALM_URGENT" '{a[NR] = $1} END {
    over = 0; for (i = 1; i <= NR; i++) if (a[i] > 2000) over++
    m = int(NR * 0.5); if (m < 1) m = 1; q = int(NR * 0.99); if (q < 1) q = 1
    printf "urgent messages in the Telegram burst with 1 in 50 urgent: %d; emergency answers out within the run and 3 s after it: %d; p50 %d ms, p99 %d ms, max %d ms; %d over 2 s\n",
      urgent, NR, a[m], a[q], a[NR], over + (urgent - NR)}'
  # Telegram's: waited for (up to a minute), since they leave within Telegram's 30 a second like every other reply.
  for _ in $(seq 1 240); do
    [ "$(grep -c "replyQueuedAfterMs=.*" "$WORK/hotline.log")" -ge "$ACCEPTED" ] && \
      [ "$(grep -o 'urgent reply [0-9]* left' "$WORK/hotline.log" | wc -l)" -ge "$(grep -c 'step=urgent' "$WORK/hotline.log")" ] && break
    sleep 0.25
  done
  grep -o 'urgent reply [0-9]* left [0-9]* ms' "$WORK/hotline.log" | awk -v from="$CALM_TO" 'NR > from {print $5}' | sort -n | awk \
    -v urgent="$(grep -c 'step=urgent' "$WORK/hotline.log")" -v before="$TELEGRAM_URGENT_FROM" -v secs="$((2 * SECS))" '{a[NR] = $1} END {
    if (NR == 0) { print "urgent replies on Telegram: none recorded"; exit }
    over = 0; for (i = 1; i <= NR; i++) if (a[i] > 2000) over++
    m = int(NR * 0.5); if (m < 1) m = 1; q = int(NR * 0.99); if (q < 1) q = 1
    printf "urgent messages (Telegram runs, about %d a second; Telegram takes about 30 messages a second from a bot): p50 %d ms, p99 %d ms, max %d ms; %d of %d over 2 s\n",
      (urgent - before) / secs, a[m], a[q], a[NR], over, NR}'
fi
echo "peak RSS of the hotline: $(awk '/VmHWM/ {print $2, $3}' /proc/$PID/status); OutOfMemoryError in its log: $(grep -c OutOfMemoryError "$WORK/hotline.log" || true)"
