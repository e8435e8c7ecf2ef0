-- wrk script: web chat messages from many anonymous sessions (cookies in $BENCH_COOKIES, one a line), each with a
-- fresh client message id. With $BENCH_DELAY_MS, each connection waits that long between requests (paced load).
local cookies = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do cookies[#cookies + 1] = line end
-- Twelve texts, two of them urgent (about the share of urgent messages in the corpus).
local texts = {
  "chị ơi cho em hỏi thủ tục ly hôn thế nào", "cho em hỏi khám thai mấy lần thì đủ",
  "tổ tiết kiệm vay vốn ở làng em họp khi nào vậy chị", "có người rủ em sang trung quốc làm việc lương cao có nên đi không",
  "alo có ai không ạ", "em bau 7 thang bi ra mau nhieu qua", "ck e hay chửi e mỗi khi say, e buồn lắm",
  "vay ngân hàng chính sách cần giấy tờ gì", "ck e dang cam dao doi giet e, cuu e voi", "e muốn học nghề may thì đăng ký ở đâu",
  "con em 6 tháng rồi cho ăn dặm thế nào ạ", "chồng em không cho em đi làm, giữ hết tiền"}
local path = os.getenv("BENCH_PATH") or "/chat/api/messages"
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local counter = 0
local prefix

function init(args)
  prefix = tostring(math.random(1, 1000000000)) .. tostring(os.time())
end

function request()
  counter = counter + 1
  local body = '{"clientMessageId":"w' .. prefix .. '_' .. counter .. '","text":"' .. texts[counter % #texts + 1] .. '"}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["Cookie"] = "hotline_chat=" .. cookies[counter % #cookies + 1]}, body)
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
