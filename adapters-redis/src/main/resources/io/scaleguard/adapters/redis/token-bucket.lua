-- Rate-limit decisions, one per key: each a line-for-line port of TokenBucket.decide (the Java reference model in
-- domain), held to the same decisions by TokenBucketScriptPropertyIT. Every number stays an integer below 2^53
-- (Limit guarantees it), so Lua's doubles compute exactly what Java's longs do.
--
-- One call decides the requests that queued together, in order, so that a batch costs one script call instead of
-- one each. On a cluster every key of one call shares a slot (the caller groups them).
--
-- KEYS[k]    the k-th subject's key, prefix .. '{' .. bucket key .. '}' (a hash tag: one slot per subject)
-- ARGV[1]    '' to decide at Redis TIME (production), or a time in microseconds (tests only, see the IT above)
-- then, for each key in order: cost in tokens, n (the number of limits), and for each limit its capacity in units,
-- units per token and units refilled per microsecond
--
-- Stored value: big-endian 7-byte unsigned integers, the update time in microseconds and then each limit's level in
-- units (14 bytes for one limit: a short string, far smaller than a hash). A value of another length was written for
-- another number of limits and counts as no state, that is full buckets, exactly as in the model. So does a key of
-- another type (a hash, a list): it is not ours to read, and an admission overwrites it.
--
-- Reply, six integers per key in order: 1 allowed / 0 refused, index of the deciding limit from 0, remaining tokens,
-- retry-after us, reset-after us, the time decided at in us (the clock, or the stored time when the clock is behind).

-- A key lives a second past its full refill: slack for a failover to a replica whose clock runs a little ahead, since
-- an expired key must always mean full buckets. Under a test's clock, which does not move with Redis's, it lives a
-- minute longer, so that a slow test machine never sees a key expire between two steps of simulated time.
local clock, slack_millis
if ARGV[1] ~= '' then
  clock, slack_millis = tonumber(ARGV[1]), 61000
else
  local time = redis.call('TIME')
  clock, slack_millis = tonumber(time[1]) * 1000000 + tonumber(time[2]), 1000
end

-- exact for the operands used here: a correctly rounded quotient below 2^52 never crosses an integer
local function ceil_div(dividend, divisor)
  return -math.floor(-dividend / divisor)
end

local function decide(key, a)
  local cost = tonumber(ARGV[a])
  local n = tonumber(ARGV[a + 1])
  local format = '>' .. string.rep('I7', n + 1)
  -- pcall: GET on a key of another type fails with WRONGTYPE, which would abort the whole call, failing every
  -- decision in it while keeping the writes of those before; here the error (a table) is just not a stored value
  local stored = redis.pcall('GET', key)
  local fresh = type(stored) ~= 'string' or #stored ~= 7 * (n + 1)
  local state = fresh and {} or { struct.unpack(format, stored) }
  -- time never runs backwards for a key: a clock behind the stored update time counts as that time
  local now = fresh and clock or math.max(clock, state[1])

  local capacity, unit, rate, level = {}, {}, {}, {}
  local allowed = true
  for i = 1, n do
    local l = a + 3 * i - 1
    capacity[i] = tonumber(ARGV[l])
    unit[i] = tonumber(ARGV[l + 1])
    rate[i] = tonumber(ARGV[l + 2])
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
  -- counted from the clock (which may be behind the stored time), plus the slack.
  if allowed then
    local ttl_millis = ceil_div(now - clock + longest_reset, 1000) + slack_millis
    redis.call('SET', key, struct.pack(format, now, unpack(level)), 'PX', ttl_millis)
  end
  return a + 2 + 3 * n, allowed and 1 or 0, deciding - 1, math.floor(level[deciding] / unit[deciding]), longest_retry,
      longest_reset, now
end

local replies = {}
local a = 2
for k = 1, #KEYS do
  local next_a, allowed, deciding, remaining, retry, reset, now = decide(KEYS[k], a)
  local r = #replies
  replies[r + 1], replies[r + 2], replies[r + 3], replies[r + 4], replies[r + 5], replies[r + 6] =
      allowed, deciding, remaining, retry, reset, now
  a = next_a
end
return replies
