-- wrk script: signed Zalo OA webhook events (user_send_text), read from $BENCH_ZALO_EVENTS as written by
-- `java bench/BenchPlatforms.java zalo-events ...` (one "signature<TAB>body" a line), each sent once.
local events = {}
for line in io.lines(os.getenv("BENCH_ZALO_EVENTS")) do
  local tab = line:find("\t", 1, true)
  events[#events + 1] = {line:sub(1, tab - 1), line:sub(tab + 1)}
end
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local counter = 0

function request()
  counter = counter + 1
  local e = events[(offset + counter - 1) % #events + 1]
  return wrk.format("POST", "/webhooks/zalo", {["Content-Type"] = "application/json", ["X-ZEvent-Signature"] = "mac=" .. e[1]}, e[2])
end

function delay()
  return pause
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d seconds=%.2f rps=%.0f p50=%.2f p99=%.2f p999=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
