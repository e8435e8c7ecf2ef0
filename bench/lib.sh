# What the bench scripts share; sourced, not run.

# STORES: the hotline's options for its stores. Embedded default (H2 files, redis-server on port $1 + 1), or with
# BENCH_DB=postgres the database hotline_bench (made afresh) and Redis db 5 (emptied) on 127.0.0.1.
bench_stores() {
  STORES=(--hotline.redis.embedded-port=$(($1 + 1)))
  if [ "${BENCH_DB:-embedded}" = postgres ]; then
    psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists hotline_bench with (force)" -c "create database hotline_bench" \
      || { echo "cannot make the database hotline_bench on 127.0.0.1:5432" >&2; exit 1; }
    redis-cli -n 5 flushdb >/dev/null
    STORES=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/hotline_bench --spring.datasource.username=postgres
            --hotline.redis.url=redis://127.0.0.1:6379/5 --hotline.encryption-key="$(head -c 32 /dev/urandom | base64)")
  fi
}

# Waits (up to a minute) until the hotline on port $1 says it is up; stops the script if it does not come up.
bench_wait_up() {
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the hotline on port $1 did not come up within a minute" >&2
  exit 1
}

# Opens $2 web chat sessions on port $1 and prints their cookies, one a line: many women, each writing a few messages.
bench_chat_sessions() {
  for _ in $(seq 1 "$2"); do curl -s -c - -o /dev/null "http://127.0.0.1:$1/chat" | awk '/hotline_chat/ {print $7}'; done
}
