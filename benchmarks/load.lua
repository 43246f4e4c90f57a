-- wrk script: sends BENCH_METHOD (GET or POST) with the body in the file BENCH_BODY_FILE, as a frontend
-- behind the TLS proxy would (X-Forwarded-Proto: https), and prints one JSON line of results.
-- With BENCH_CHECK_BODIES=1 it also counts answers that are not 200 or whose body holds GraphQL "errors".
wrk.method = os.getenv("BENCH_METHOD") or "POST"
wrk.headers["X-Forwarded-Proto"] = "https"
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

bad = 0
if os.getenv("BENCH_CHECK_BODIES") == "1" then
  function response(status, headers, body)
    if status ~= 200 or string.find(body, '"errors"', 1, true) then
      bad = bad + 1
    end
  end
end

function done(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "non_2xx": %d, ' ..
    '"socket_errors": %d, "bad_answers": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), e.status,
    e.connect + e.read + e.write + e.timeout, bad_total))
end
