-- wrk script: signed Zalo OA webhook events (user_send_text), read from $BENCH_ZALO_EVENTS as written by
-- `java bench/BenchPlatforms.java zalo-events ...` (one "signature<TAB>body" a line), each sent once.
dofile("bench/common.lua")
local events = {}
for line in io.lines(os.getenv("BENCH_ZALO_EVENTS")) do
  local tab = line:find("\t", 1, true)
  events[#events + 1] = {line:sub(1, tab - 1), line:sub(tab + 1)}
end
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local counter = 0

function request()
  counter = counter + 1
  local e = events[(offset + counter - 1) % #events + 1]
  return wrk.format("POST", "/webhooks/zalo", {["Content-Type"] = "application/json", ["X-ZEvent-Signature"] = "mac=" .. e[1]}, e[2])
end
