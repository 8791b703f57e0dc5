-- wrk -s login-storm.lua -t N -c N <url>: password grants as fast as each connection gets answers, with latency
-- and count per HTTP status (wrk's own histogram mixes the 200s with the fast refusals).
-- The account comes from the environment: STORM_USERNAME, STORM_PASSWORD.
-- Run with as many threads as connections: each thread then drives one connection, so the time from request() to
-- response() in that thread's Lua state is the latency of one request.
-- Output, one line per status: STATUS <status> <count> <p50 ms> <p99 ms> <max ms>
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } storm_timespec;
  int clock_gettime(int clock_id, storm_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now = ffi.new("storm_timespec")

local function millis()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
  return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
end

local function form_encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local body = "grant_type=password&username=" .. form_encode(os.getenv("STORM_USERNAME"))
  .. "&password=" .. form_encode(os.getenv("STORM_PASSWORD"))
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

-- Per thread, the i-th answer's status and latency. Flat arrays: wrk's thread:get() crashes copying nested tables.
statuses, latencies = {}, {}
local sent_at

function request()
  sent_at = millis()
  return wrk.format("POST", "/auth/token", headers, body)
end

function response(status)
  local i = #statuses + 1
  statuses[i], latencies[i] = status, millis() - sent_at
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local function percentile(sorted, p)
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

function done()
  local merged = {}
  for _, thread in ipairs(threads) do
    local thread_statuses, thread_latencies = thread:get("statuses"), thread:get("latencies")
    for i, status in ipairs(thread_statuses) do
      merged[status] = merged[status] or {}
      merged[status][#merged[status] + 1] = thread_latencies[i]
    end
  end
  for status, list in pairs(merged) do
    table.sort(list)
    io.write(string.format("STATUS\t%d\t%d\t%.1f\t%.1f\t%.1f\n", status, #list,
      percentile(list, 50), percentile(list, 99), list[#list]))
  end
end
