-- wrk script: Telegram webhook updates (text messages from 512 private chats), each with a fresh update_id, with
-- the secret header Telegram sends ($BENCH_TELEGRAM_SECRET).
dofile("bench/common.lua")
local secret = os.getenv("BENCH_TELEGRAM_SECRET")
local base = tonumber(os.getenv("BENCH_OFFSET") or "0") * 1000 + 1
local counter = 0

function request()
  counter = counter + 1
  local chat = 910000 + counter % 512
  local body = string.format('{"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private","first_name":"Bench"},'
    .. '"from":{"id":%d,"is_bot":false,"first_name":"Bench"},"text":"%s"}}',
    base + counter, counter, os.time(), chat, chat, text(counter))
  return wrk.format("POST", "/webhooks/telegram", {["Content-Type"] = "application/json",
    ["X-Telegram-Bot-Api-Secret-Token"] = secret}, body)
end
