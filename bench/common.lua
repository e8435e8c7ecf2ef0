-- Shared by the wrk scripts: the benchmark's texts (bench/texts.txt: twelve, two of them urgent, about the share
-- of urgent messages in the corpus), the pace of the requests and the result line.
--
-- Pace: $BENCH_RATE=n offers n requests a second on a fixed timetable (one slot every 1000/n ms, taken by whichever
-- connection answers next; a slot missed while every connection waits for an answer is taken as soon as one is
-- free), so a paced row is measured at the rate it names, however fast the hotline answers. Without it, each
-- connection pauses $BENCH_DELAY_MS after each answer (0: full speed). wrk runs one thread here (-t1), so the
-- timetable is one.
texts = {}
for line in io.lines("bench/texts.txt") do texts[#texts + 1] = line end
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

-- $BENCH_URGENT_EVERY=n: an ordinary burst with one urgent message in n (lines 6 and 9 of texts.txt are the urgent
-- ones; the others are taken in turn), instead of the texts in turn.
local urgentEvery = tonumber(os.getenv("BENCH_URGENT_EVERY") or "0")
local urgentTexts, calmTexts = {}, {}
for i, line in ipairs(texts) do
  if i == 6 or i == 9 then urgentTexts[#urgentTexts + 1] = line else calmTexts[#calmTexts + 1] = line end
end

function text(counter)
  if urgentEvery <= 0 then return texts[counter % #texts + 1] end
  if counter % urgentEvery == 0 then return urgentTexts[math.floor(counter / urgentEvery) % #urgentTexts + 1] end
  return calmTexts[counter % #calmTexts + 1]
end

local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int clock, bench_timespec *at); ]]
local clock = ffi.new("bench_timespec")
local function nowMs()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local nextSlot = nil

function delay()
  if rate <= 0 then return pause end
  local now = nowMs()
  nextSlot = (nextSlot or now) + 1000 / rate
  return math.max(0, nextSlot - now)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d seconds=%.2f rps=%.0f p50=%.2f p99=%.2f p999=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
