-- wrk script for scripts/bench/callbacks.sh: POSTs pre-generated, validly signed callbacks, one line
-- "path<TAB>body" each; every thread takes its own share of the lines, so no request is sent twice
-- unless the file runs out (counted as "wrapped"; a repeat is answered success but stores nothing).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, share_count = args[1], tonumber(args[2])
  requests, sent, ok, other, wrapped = {}, 0, 0, 0, 0
  local line_number = 0
  for line in io.lines(file) do
    if line_number % share_count == id then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", line:sub(1, tab - 1), { ["Content-Type"] = "text/xml" }, line:sub(tab + 1))
    end
    line_number = line_number + 1
  end
end

function request()
  sent = sent + 1
  if sent > #requests then
    wrapped = wrapped + 1
    return requests[(sent - 1) % #requests + 1]
  end
  return requests[sent]
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local answered_ok, answered_other, repeats = 0, 0, 0
  for _, thread in ipairs(threads) do
    answered_ok = answered_ok + thread:get("ok")
    answered_other = answered_other + thread:get("other")
    repeats = repeats + thread:get("wrapped")
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f ok=%d non200=%d socket_errors=%d wrapped=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    answered_ok, answered_other, errors.connect + errors.read + errors.write + errors.timeout, repeats))
end
