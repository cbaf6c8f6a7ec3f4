-- wrk script for scripts/bench/soak.sh: callbacks.lua's requests and report, paced. Run from the repository's root:
--   wrk ... -s scripts/bench/soak.lua URL -- FILE THREADS RATE
-- RATE is the whole run's requests per second. Each thread keeps its own timetable (RATE / THREADS, one slot every
-- THREADS / RATE seconds) and, before each request, wrk asks delay() how long the connection waits: until the next free
-- slot. A connection whose answer came late finds its slot already past and sends at once, so a slow answer does not
-- lower the rate as a fixed per-connection delay would (the rate holds while the connections suffice), and latency is
-- still measured from each request's own send.
dofile("scripts/bench/callbacks.lua")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clock, soak_timespec *now);
]]
local clock_monotonic = 1
local timespec = ffi.new("soak_timespec")

local function now_ms()
  ffi.C.clock_gettime(clock_monotonic, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local read_requests = init
function init(args)
  read_requests(args)
  interval_ms = 1000 * tonumber(args[2]) / tonumber(args[3])
end

function delay()
  local now = now_ms()
  next_slot = next_slot or now
  local wait = next_slot - now
  next_slot = next_slot + interval_ms
  return wait > 0 and math.floor(wait) or 0
end
