#!/usr/bin/env bash
# End-to-end benchmarks, BENCHMARKS.md items 4-7 (results in ops/PERFORMANCE.md), in one run on one machine:
#   4  one replica direct: GET /users/me (ample quota) beside GET /health/live, and the refused path beside the allowed
#   5  the same load through nginx in front of one replica and of three, beside one replica direct
#   6  a login storm: token-endpoint throughput at OWASP Argon2id cost, the fast refusals, and the p99 of
#      GET /users/me during the storm beside without one
#   7  footprint: start to /health/ready, resident memory idle and under load
# Contenders are measured in alternating rounds (the order reversed every other round) against the same servers,
# and the table at the end gives medians over the rounds and per-round ratios. wrk and the service share the machine.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: ops/benchmarks/e2e/run.sh [--jar JAR] [--seconds S] [--warm-up S] [--rounds R] [--connections C]
                                 [--storm-connections N] [--starts N] [--base-port P] [--schema NAME]
                                 [--redis-timeout-ms MS] [--profile]
  --jar JAR                the service jar (default <repo>/bootstrap/target/scaleguard.jar)
  --seconds S              length of one measured wrk run (default 10)
  --warm-up S              unmeasured run of each path first, for the JIT (default 10)
  --rounds R               rounds of every comparison (default 3)
  --connections C          wrk connections of the steady load (default 64)
  --storm-connections N    connections hammering the token endpoint in the login storm (default 64)
  --starts N               cold starts measured for the footprint (default 3)
  --base-port P            the edge on P, replicas on P+1..P+3, the one-replica edge on P+10, the footprint
                           replica on P+11 (default 18080; all must be free)
  --schema NAME            PostgreSQL schema of the replicas (default sg_e2e; created when missing)
  --redis-timeout-ms MS     the replicas' SCALEGUARD_REDIS_TIMEOUT_MS (default 1000, not the service's 100: on a
                           loaded 2-core machine Redis answers late, and the failover to per-replica buckets would
                           turn the "Redis + PostgreSQL" measurement into an in-process one; the table counts them)
  --profile                after the rounds, record JFR on replica 1 during one more run of the allowed path and one
                           of the load beside the storm, and print where the CPU samples went (jfr-top.sh)
Uses the Redis at SCALEGUARD_REDIS_URL (default redis://127.0.0.1:6379) under a fresh key prefix, and the local
PostgreSQL (trust authentication) as user postgres. Installs wrk with apt-get when it is missing.
USAGE
}

e2e_dir=$(cd "$(dirname "$0")" && pwd)
repo_root=$(cd "$e2e_dir/../../.." && pwd)
# shellcheck source=lib.sh
source "$e2e_dir/lib.sh"

jar=$repo_root/bootstrap/target/scaleguard.jar seconds=10 warm_up=10 rounds=3 connections=64 storm_connections=64
starts=3 base_port=18080 schema=sg_e2e redis_timeout_ms=1000 profile=false
while [[ $# -gt 0 ]]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --profile) profile=true; shift; continue ;;
  esac
  [[ $# -ge 2 ]] || { usage >&2; exit 2; }
  case $1 in
    --jar) jar=$2 ;;
    --seconds) seconds=$2 ;;
    --warm-up) warm_up=$2 ;;
    --rounds) rounds=$2 ;;
    --connections) connections=$2 ;;
    --storm-connections) storm_connections=$2 ;;
    --starts) starts=$2 ;;
    --base-port) base_port=$2 ;;
    --schema) schema=$2 ;;
    --redis-timeout-ms) redis_timeout_ms=$2 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift 2
done
for number in "$seconds" "$warm_up" "$rounds" "$connections" "$storm_connections" "$starts" "$base_port" \
  "$redis_timeout_ms"; do
  [[ $number =~ ^[1-9][0-9]*$ ]] || die "every count, duration and port must be a positive whole number, was '$number'"
done
((seconds >= 3)) || die "--seconds must be at least 3"
[[ $schema =~ ^[a-z_][a-z0-9_]*$ ]] || die "--schema must be a plain lower-case SQL name, was '$schema'"
[[ -f $jar ]] || die "no $jar: build it (mvn -q -DskipTests package) or pass --jar"
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

# Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
for tool in wrk nginx psql java curl; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

edge_port=$base_port hop_port=$((base_port + 10)) footprint_port=$((base_port + 11))
replica_url=http://127.0.0.1:$((base_port + 1))
for port in "$edge_port" $((base_port + 1)) $((base_port + 2)) $((base_port + 3)) "$hop_port" "$footprint_port"; do
  ! port_in_use "$port" || die "port $port is taken: choose another --base-port"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/scaleguard-e2e.XXXXXX")
results=$work/results.tsv storms=$work/storms.tsv footprint=$work/footprint.tsv
touch "$results" "$storms" "$footprint"
password="e2e benchmark password"

export SCALEGUARD_REDIS_URL=${SCALEGUARD_REDIS_URL:-redis://127.0.0.1:6379}
# A fresh prefix: every run starts from empty buckets (the drained user's included); the keys expire on their own.
SCALEGUARD_REDIS_KEY_PREFIX="sg-e2e-$(date +%s)-$$:"
export SCALEGUARD_REDIS_KEY_PREFIX
export SCALEGUARD_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$schema"
export SCALEGUARD_POLICY_FILE=$e2e_dir/policy.properties
export SCALEGUARD_REDIS_TIMEOUT_MS=$redis_timeout_ms
# One token per account for the whole run, valid on every replica (one issuer: the edge's).
export SCALEGUARD_ACCESS_TOKEN_TTL=14400
export SCALEGUARD_ISSUER=http://localhost:$edge_port

footprint_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
clean_up() {
  [[ -z $footprint_pid ]] || kill -TERM "$footprint_pid" 2>/dev/null || true
  [[ ! -s $work/hop-edge/nginx.pid ]] || kill -QUIT "$(cat "$work/hop-edge/nginx.pid")" 2>/dev/null || true
  [[ ! -d $work/cluster ]] || "$repo_root/ops/cluster/down.sh" --run-dir "$work/cluster" >/dev/null
}
trap clean_up EXIT

# The load average before anything of ours runs is the others' share of this machine.
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($cpu_model), $(java -version 2>&1 | head -n 1)," \
  "load average before the run $(cut -d' ' -f1-3 /proc/loadavg); work dir $work"

PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p 5432 -U postgres test \
  -c "CREATE SCHEMA IF NOT EXISTS $schema" >/dev/null
# Migrations first, so that every measured start is an ordinary one (a fresh schema's first start also migrates).
java -jar "$jar" migrate >"$work/migrate.log" 2>&1 || die "migrate failed: see $work/migrate.log"

echo "== three replicas behind nginx (edge $edge_port), and nginx in front of replica 1 alone ($hop_port)"
# The edge's per-IP limits are opened wide: wrk is one client address, and item 5 measures the hop, not limit_req.
wide_open=(--rate 1000000r/s --burst 1000000 --auth-rate 1000000r/s --auth-burst 1000000)
"$repo_root/ops/cluster/up.sh" --replicas 3 --first-port $((base_port + 1)) --listen "$edge_port" \
  --run-dir "$work/cluster" --jar "$jar" \
  --edge-rate 1000000r/s --edge-burst 1000000 --edge-auth-rate 1000000r/s --edge-auth-burst 1000000 \
  >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "the cluster did not start"; }
"$repo_root/ops/nginx/render.sh" --replicas 1 --first-port $((base_port + 1)) --listen "127.0.0.1:$hop_port" \
  --run-dir "$work/hop-edge" "${wide_open[@]}" >/dev/null
nginx -p "$work/hop-edge" -c "$work/hop-edge/nginx.conf" -e "$work/hop-edge/error.log"
until [[ $(status_of "http://127.0.0.1:$hop_port/health/ready") == 200 ]]; do sleep 0.2; done

echo "== accounts: e2e-ample (plan ample), e2e-drained (plan drained), e2e-storm"
for account in e2e-ample e2e-drained e2e-storm; do register "$replica_url" "$account" "$password"; done
# The plan goes into the access token at login, so the plans are set first.
java -jar "$jar" users set-plan e2e-ample ample >"$work/plans.log" 2>&1 &
java -jar "$jar" users set-plan e2e-drained drained >>"$work/plans.log" 2>&1 || die "set-plan failed: $work/plans.log"
wait $! || die "set-plan failed: see $work/plans.log"
ample=(-H "Authorization: Bearer $(access_token "$replica_url" e2e-ample "$password")")
drained=(-H "Authorization: Bearer $(access_token "$replica_url" e2e-drained "$password")")
status_of "${drained[@]}" "$replica_url/users/me" >/dev/null
[[ $(status_of "${drained[@]}" "$replica_url/users/me") == 429 ]] || die "e2e-drained is not refused after one request"

# The contenders: name, then URL and wrk options.
steady() {
  case $1 in
    live) wrk_round 4 live "$2" "$3" "$connections" "$replica_url/health/live" ;;
    allowed) wrk_round 4 allowed "$2" "$3" "$connections" "$replica_url/users/me" "${ample[@]}" ;;
    refused) wrk_round 4 refused "$2" "$3" "$connections" "$replica_url/users/me" "${drained[@]}" ;;
    direct) wrk_round 5 direct "$2" "$3" "$connections" "$replica_url/users/me" "${ample[@]}" ;;
    edge-1) wrk_round 5 edge-1 "$2" "$3" "$connections" "http://127.0.0.1:$hop_port/users/me" "${ample[@]}" ;;
    edge-3) wrk_round 5 edge-3 "$2" "$3" "$connections" "http://127.0.0.1:$edge_port/users/me" "${ample[@]}" ;;
    calm) wrk_round 6 calm "$2" "$3" "$connections" "$replica_url/users/me" "${ample[@]}" ;;
    storm-alone) storm_round storm-alone "$2" "$3" "$storm_connections" "$replica_url" e2e-storm "$password" ;;
    storm+load)
      storm_round storm+load "$2" "$3" "$storm_connections" "$replica_url" e2e-storm "$password" &
      wrk_round 6 during-storm "$2" "$3" "$connections" "$replica_url/users/me" "${ample[@]}"
      wait $! ;;
  esac
}
comparisons=("live allowed refused" "direct edge-1 edge-3" "calm storm-alone storm+load")

# The labels of our replicas' pids, for cpu_split.
replica_labels() { for i in 1 2 3; do echo "$(cat "$work/cluster/replica-$i.pid")=replica-$i"; done; }

echo "== warm-up: ${warm_up} s of every path, and of replicas 2 and 3 directly"
# Replicas 2 and 3 get a third of the edge's load only: without their own warm-up their code is still interpreted
# when the three-replica rounds come, and round robin waits on them.
for port in $((base_port + 2)) $((base_port + 3)); do
  wrk_round 5 warm-up unrecorded "$warm_up" "$connections" "http://127.0.0.1:$port/users/me" "${ample[@]}"
done
for comparison in "${comparisons[@]}"; do
  for contender in $comparison; do steady "$contender" unrecorded "$warm_up"; done
done
cpu_snapshot >"$work/cpu-rounds-before"
rounds_began=$SECONDS
for ((round = 1; round <= rounds; round++)); do
  echo "== round $round of $rounds"
  for comparison in "${comparisons[@]}"; do
    read -r -a contenders <<<"$comparison"
    if ((round % 2 == 0)); then
      for ((i = ${#contenders[@]} - 1; i >= 0; i--)); do steady "${contenders[i]}" "$round" "$seconds"; done
    else
      for contender in "${contenders[@]}"; do steady "$contender" "$round" "$seconds"; done
    fi
  done
done
cpu_snapshot >"$work/cpu-rounds-after"
cpu_split "$work/cpu-rounds-before" "$work/cpu-rounds-after" $((SECONDS - rounds_began)) "$(replica_labels)" \
  >"$work/cpu-rounds.txt"
if $profile; then
  replica_pid=$(cat "$work/cluster/replica-1.pid")
  for contender in allowed storm+load; do
    echo "== profile: JFR of replica 1 during $seconds s of $contender"
    jcmd "$replica_pid" JFR.start name=e2e settings=profile filename="$work/$contender.jfr" >/dev/null
    steady "$contender" unrecorded "$seconds" &
    load=$!
    # Both snapshots while wrk still runs, so that its CPU is seen too.
    sleep 1; cpu_snapshot >"$work/cpu-before"
    sleep $((seconds - 2)); cpu_snapshot >"$work/cpu-after"
    wait "$load"
    jcmd "$replica_pid" JFR.stop name=e2e >/dev/null
    { echo "the machine's CPU by command over $((seconds - 2)) s (all cores = 100%; java: other people's JVMs)"
      cpu_split "$work/cpu-before" "$work/cpu-after" $((seconds - 2)) "$(replica_labels)"; echo
      "$e2e_dir/jfr-top.sh" "$work/$contender.jfr"; } >"$work/profile-$contender.txt"
  done
fi
"$repo_root/ops/cluster/down.sh" --run-dir "$work/cluster" >/dev/null
kill -QUIT "$(cat "$work/hop-edge/nginx.pid")"

echo "== footprint: $starts cold starts of one replica, nothing else of ours running"
for ((start = 1; start <= starts; start++)); do
  began=$(now_ms)
  SCALEGUARD_HTTP_PORT=$footprint_port SCALEGUARD_DATA_DIR=$work/footprint-data \
    java -jar "$jar" >"$work/footprint-$start.log" 2>&1 &
  footprint_pid=$!
  wait_ready "$footprint_port" "$footprint_pid" 180
  ready_ms=$(($(now_ms) - began))
  sleep 5
  idle_mib=$(rss_mib "$footprint_pid")
  # The largest RSS seen, sampled every half second while the steady load runs.
  (peak=0; while kill -0 "$footprint_pid" 2>/dev/null; do
     rss=$(rss_mib "$footprint_pid"); ((rss > peak)) && peak=$rss; echo "$peak" >"$work/peak"; sleep 0.5
   done) &
  sampler=$!
  wrk_round 7 footprint "$start" "$seconds" "$connections" "http://127.0.0.1:$footprint_port/users/me" "${ample[@]}"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  printf '7\t%s\t%s\t%s\t%s\n' "$start" "$ready_ms" "$idle_mib" "$(cat "$work/peak")" >>"$footprint"
  kill -TERM "$footprint_pid"; wait "$footprint_pid" || true
  footprint_pid=""
done

"$e2e_dir/table.sh" "$results" "$storms" "$footprint"
# Each line is one switch to per-replica buckets because Redis missed the budget: the decisions until it answered
# again were in-process ones, which flatter the figures.
failovers=$(cat "$work"/cluster/replica-*.log "$work"/footprint-*.log | grep -c "failure mode 'local' in force" || true)
echo "Redis missed its ${redis_timeout_ms} ms budget and the replicas fell back to local buckets $failovers times."
echo
echo "== the machine's CPU by command over the rounds (all cores = 100%; java: other people's JVMs; wrk, short-lived,"
echo "   is not seen)"
cat "$work/cpu-rounds.txt"
if $profile; then
  for contender in allowed storm+load; do
    echo; echo "== where replica 1's CPU went, $contender"; cat "$work/profile-$contender.txt"
  done
fi
echo "raw figures: $work/{results,storms,footprint}.tsv"
