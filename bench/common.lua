-- Shared by the wrk scripts: the benchmark's texts (bench/texts.txt: twelve, two of them urgent, about the share
-- of urgent messages in the corpus), the pause between requests ($BENCH_DELAY_MS, paced load) and the result line.
texts = {}
for line in io.lines("bench/texts.txt") do texts[#texts + 1] = line end
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

function delay()
  return pause
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d seconds=%.2f rps=%.0f p50=%.2f p99=%.2f p999=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
