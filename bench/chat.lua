-- wrk script: web chat messages from many anonymous sessions (cookies in $BENCH_COOKIES, one a line), each with a
-- fresh client message id. With $BENCH_DELAY_MS, each connection waits that long between requests (paced load).
dofile("bench/common.lua")
local cookies = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do cookies[#cookies + 1] = line end
local path = os.getenv("BENCH_PATH") or "/chat/api/messages"
local counter = 0
local prefix

function init(args)
  prefix = tostring(math.random(1, 1000000000)) .. tostring(os.time())
end

function request()
  counter = counter + 1
  local body = '{"clientMessageId":"w' .. prefix .. '_' .. counter .. '","text":"' .. text(counter) .. '"}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["Cookie"] = "hotline_chat=" .. cookies[counter % #cookies + 1]}, body)
end
