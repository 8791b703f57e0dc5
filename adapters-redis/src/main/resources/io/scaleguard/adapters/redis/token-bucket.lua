-- One rate-limit decision for one subject: a line-for-line port of TokenBucket.decide (the Java reference model in
-- domain), held to the same decisions by TokenBucketScriptPropertyIT. Every number stays an integer below 2^53
-- (Limit guarantees it), so Lua's doubles compute exactly what Java's longs do.
--
-- KEYS[1]       the subject's key, prefix .. '{' .. bucket key .. '}' (a hash tag: one slot per subject)
-- ARGV[1]       cost in tokens
-- ARGV[2]       n, the number of limits
-- ARGV[3i .. 3i+2], i = 1..n: the limit's capacity in units, units per token, units refilled per microsecond
-- ARGV[3n+3]    optional, tests only: the time in microseconds to decide at; production always reads Redis TIME
--
-- Stored value: big-endian 7-byte unsigned integers, the update time in microseconds and then each limit's level in
-- units (14 bytes for one limit: a short string, far smaller than a hash). A value of another length was written for
-- another number of limits and counts as no state, that is full buckets, exactly as in the model.
--
-- Reply: {1 allowed / 0 refused, index of the deciding limit from 0, remaining tokens, retry-after us, reset-after us,
--         the time decided at in us (Redis TIME, or the stored time when TIME is behind it)}

local cost = tonumber(ARGV[1])
local n = tonumber(ARGV[2])

local clock
if ARGV[3 * n + 3] then
  clock = tonumber(ARGV[3 * n + 3])
else
  local time = redis.call('TIME')
  clock = tonumber(time[1]) * 1000000 + tonumber(time[2])
end

-- exact for the operands used here: a correctly rounded quotient below 2^52 never crosses an integer
local function ceil_div(dividend, divisor)
  return -math.floor(-dividend / divisor)
end

local format = '>' .. string.rep('I7', n + 1)
local stored = redis.call('GET', KEYS[1])
local fresh = not stored or #stored ~= 7 * (n + 1)
local state = fresh and {} or { struct.unpack(format, stored) }
-- time never runs backwards for a key: a clock behind the stored update time counts as that time
local now = fresh and clock or math.max(clock, state[1])

local capacity, unit, rate, level = {}, {}, {}, {}
local allowed = true
for i = 1, n do
  capacity[i] = tonumber(ARGV[3 * i])
  unit[i] = tonumber(ARGV[3 * i + 1])
  rate[i] = tonumber(ARGV[3 * i + 2])
  if fresh then
    level[i] = capacity[i]
  else
    local missing = capacity[i] - state[i + 1]
    if missing <= 0 then
      level[i] = capacity[i]
    else
      -- clamp the elapsed time before multiplying, so the product stays below 2^53
      local elapsed = math.min(now - state[1], ceil_div(missing, rate[i]))
      level[i] = math.min(capacity[i], state[i + 1] + elapsed * rate[i])
    end
  end
  if level[i] < cost * unit[i] then
    allowed = false
  end
end
if allowed then
  for i = 1, n do
    level[i] = level[i] - cost * unit[i]
  end
end

local deciding, longest_retry, fewest_remaining, longest_reset = 1, 0, math.huge, 0
for i = 1, n do
  local remaining = math.floor(level[i] / unit[i])
  local reset = ceil_div(capacity[i] - level[i], rate[i])
  local retry = 0
  if not allowed then
    retry = ceil_div(math.max(0, cost * unit[i] - level[i]), rate[i])
  end
  longest_reset = math.max(longest_reset, reset)
  local more_restrictive
  if allowed then
    more_restrictive = remaining < fewest_remaining
  else
    more_restrictive = retry > longest_retry
  end
  if more_restrictive then
    deciding = i
    longest_retry = retry
    fewest_remaining = remaining
  end
end

-- A refusal changes nothing, as in the model. An admission stores the new levels until every bucket is full again,
-- counted from the real clock (which may be behind the stored time), plus a second of slack for a failover to a
-- replica whose clock runs a little ahead: an expired key must always mean full buckets.
if allowed then
  local ttl_millis = ceil_div(now - clock + longest_reset, 1000) + 1000
  redis.call('SET', KEYS[1], struct.pack(format, now, unpack(level)), 'PX', ttl_millis)
end

return { allowed and 1 or 0, deciding - 1, math.floor(level[deciding] / unit[deciding]), longest_retry, longest_reset, now }
