# shellcheck shell=bash
# Sourced by run.sh: processes, HTTP helpers and one wrk round. The caller sets e2e_dir (this folder) and the files
# that the rounds append to: results (steady load) and storms (login storm).
# shellcheck disable=SC2154 # e2e_dir, results and storms are the caller's

die() { echo "run.sh: $*" >&2; exit 1; }

# HTTP status of a request, 000 when nothing answers; extra arguments go to curl.
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }

# Milliseconds since the epoch.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Resident set size of a process, in MiB, from /proc.
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits for GET /health/ready to answer 200 on a port; fails when the process exits or the timeout passes.
wait_ready() {
  local port=$1 pid=$2 deadline=$((SECONDS + $3))
  until [[ $(status_of "http://127.0.0.1:$port/health/ready") == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || die "the replica on port $port exited while starting"
    ((SECONDS < deadline)) || die "the replica on port $port was not ready within $3 s"
    sleep 0.02
  done
}

# A refusal's Retry-After, from a curl -D header dump.
retry_after() { awk -F': *' 'tolower($1) == "retry-after" {print $2 + 0}' "$1"; }

# Registers an account (201, or 409 from an earlier run).
register() {
  local base=$1 username=$2 password=$3 status
  status=$(status_of -X POST "$base/register" -H 'Content-Type: application/json' \
    --data "{\"username\":\"$username\",\"email\":\"$username@example.com\",\"password\":\"$password\"}")
  [[ $status == 201 || $status == 409 ]] || die "registering $username answered HTTP $status"
}

# Prints an access token for the account, retrying a refused login after its Retry-After.
access_token() {
  local base=$1 username=$2 password=$3 headers body status
  headers=$(mktemp) body=$(mktemp)
  for _ in $(seq 1 20); do
    status=$(curl -s -D "$headers" -o "$body" -w '%{http_code}' --max-time 60 -X POST "$base/auth/token" \
      --data-urlencode grant_type=password --data-urlencode "username=$username" --data-urlencode "password=$password" \
      || true)
    case $status in
      200) sed 's/.*"access_token":"\([^"]*\)".*/\1/' "$body"; rm -f "$headers" "$body"; return 0 ;;
      429|503) sleep "$(retry_after "$headers")" ;;
      *) die "logging in as $username answered HTTP $status: $(cat "$body")" ;;
    esac
  done
  die "logging in as $username was refused 20 times"
}

# One wrk run of the steady load: -t2 (the machine's cores) and --timeout 10s, so that a slow answer is counted in
# the histogram rather than dropped. Appends "item contender round" and report.lua's figures to $results.
# Arguments: item contender round seconds connections url [further wrk options, e.g. -H ...]
wrk_round() {
  local item=$1 contender=$2 round=$3 seconds=$4 connections=$5 url=$6 line
  shift 6
  line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s "$e2e_dir/report.lua" "$@" "$url" | grep '^RESULT') \
    || die "wrk against $url printed no result"
  [[ $round == unrecorded ]] \
    || printf '%s\t%s\t%s\t%s\n' "$item" "$contender" "$round" "${line#RESULT$'\t'}" >>"$results"
}

# One wrk run of the login storm (login-storm.lua): a thread per connection, each hammering the token endpoint.
# Appends one line per HTTP status: "6 <phase> <round> <seconds> <status> <count> <p50> <p99> <max>" to $storms,
# unless round is "unrecorded".
storm_round() {
  local phase=$1 round=$2 seconds=$3 connections=$4 url=$5 username=$6 password=$7 output
  output=$(STORM_USERNAME=$username STORM_PASSWORD=$password \
    wrk -t"$connections" -c"$connections" -d"${seconds}s" --timeout 10s -s "$e2e_dir/login-storm.lua" "$url") \
    || die "the login storm against $url failed"
  [[ $round == unrecorded ]] || grep '^STATUS' <<<"$output" | while IFS=$'\t' read -r _ status count p50 p99 max; do
    printf '6\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$seconds" "$status" "$count" "$p50" "$p99" "$max"
  done >>"$storms"
}

# CPU time so far (user + system, clock ticks) of every process: "pid command ticks". The command sits between the
# first "(" and the last ")" of /proc/<pid>/stat; utime and stime are the 12th and 13th fields after it.
cpu_snapshot() {
  # A process may exit between the glob and the read: cat then fails, and that must not stop the run.
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{
    i = index($0, "("); j = match($0, /\) [A-Za-z] /)
    split(substr($0, j + 2), f, " ")
    print $1 "\t" substr($0, i + 1, j - i - 1) "\t" f[12] + f[13] }'
}

# Where the whole machine's CPU went between two snapshots taken <seconds> apart, by command, as shares of all cores.
# Further arguments "pid=label" name processes of ours (a replica), so that other people's JVMs show apart. A process
# that started and ended between the snapshots is not seen.
cpu_split() {
  local before=$1 after=$2 seconds=$3
  shift 3
  awk -F'\t' -v capacity="$(($(getconf CLK_TCK) * $(nproc) * seconds))" -v named="$*" '
    BEGIN { n = split(named, pairs, " "); for (i = 1; i <= n; i++) { split(pairs[i], p, "="); label[p[1]] = p[2] } }
    FNR == NR { start[$1] = $3; next }
    { used[$1 in label ? label[$1] : $2] += $3 - ($1 in start ? start[$1] : 0) }
    END {
      for (c in used) if (used[c] > 0) {
        printf "  %5.1f%%  %s\n", 100 * used[c] / capacity, c | "sort -rn | head -n 10"
        all += used[c]
      }
      close("sort -rn | head -n 10")
      printf "  %5.1f%%  idle\n", all < capacity ? 100 * (1 - all / capacity) : 0 }' "$before" "$after"
}
