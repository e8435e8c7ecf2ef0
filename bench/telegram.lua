-- wrk script: Telegram webhook updates (text messages from 512 private chats), each with a fresh update_id, with
-- the secret header Telegram sends ($BENCH_TELEGRAM_SECRET).
local texts = {
  "chị ơi cho em hỏi thủ tục ly hôn thế nào", "cho em hỏi khám thai mấy lần thì đủ",
  "tổ tiết kiệm vay vốn ở làng em họp khi nào vậy chị", "có người rủ em sang trung quốc làm việc lương cao có nên đi không",
  "alo có ai không ạ", "em bau 7 thang bi ra mau nhieu qua", "ck e hay chửi e mỗi khi say, e buồn lắm",
  "vay ngân hàng chính sách cần giấy tờ gì", "ck e dang cam dao doi giet e, cuu e voi", "e muốn học nghề may thì đăng ký ở đâu",
  "con em 6 tháng rồi cho ăn dặm thế nào ạ", "chồng em không cho em đi làm, giữ hết tiền"}
local secret = os.getenv("BENCH_TELEGRAM_SECRET")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local base = tonumber(os.getenv("BENCH_OFFSET") or "0") * 1000 + 1
local counter = 0

function request()
  counter = counter + 1
  local chat = 910000 + counter % 512
  local body = string.format('{"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private","first_name":"Bench"},'
    .. '"from":{"id":%d,"is_bot":false,"first_name":"Bench"},"text":"%s"}}',
    base + counter, counter, os.time(), chat, chat, texts[counter % #texts + 1])
  return wrk.format("POST", "/webhooks/telegram", {["Content-Type"] = "application/json",
    ["X-Telegram-Bot-Api-Secret-Token"] = secret}, body)
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
