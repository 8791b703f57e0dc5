-- wrk -s report.lua: after the run, one tab-separated line that run.sh reads, with the percentiles taken from wrk's
-- own latency histogram:
-- RESULT <requests> <seconds> <requests/s> <p50 ms> <p99 ms> <responses with status >= 400> <socket errors>
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("RESULT\t%d\t%.3f\t%.1f\t%.3f\t%.3f\t%d\t%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
