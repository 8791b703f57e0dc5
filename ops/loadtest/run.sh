#!/usr/bin/env bash
# The load test in one command: uses the ScaleGuard answering at --base-url, or starts a three-replica cluster there
# (ops/cluster/up.sh) and stops it afterwards; registers the accounts (some moved to the pro plan), runs the Gatling
# simulation and prints where its HTML report is (ops/loadtest/target/gatling/<run>/index.html).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: ops/loadtest/run.sh [--base-url URL] [--jar JAR] [--schema NAME] [--default-accounts N] [--pro-accounts N]
                           [--hammer-seconds S] [--storm-logins N] [-Dloadtest.<setting>=<value> ...]
  --base-url URL        the cluster's edge (default http://127.0.0.1:8080); when nothing answers there, a cluster of
                        three replicas is started with the edge on that port and the replicas on the next three
  --jar JAR             the service jar for that cluster (default <repo>/bootstrap/target/scaleguard.jar)
  --schema NAME         PostgreSQL schema for that cluster and for `users set-plan` (default sg_loadtest; created)
  --default-accounts N  accounts on the default plan (default 24), --pro-accounts N on the pro plan (default 6)
  --hammer-seconds S    how long each virtual user hammers /users/me/items (default 60)
  --storm-logins N      password grants sent at once in the login storm (default 120)
  -D...                 any other setting of ops/loadtest/src/test/java/io/scaleguard/loadtest/LoadSettings.java
Against a cluster you started yourself, export the SCALEGUARD_DB_URL it uses (for `users set-plan`) and give it a
policy file with a pro plan (ops/loadtest/policy.properties), or the pro accounts get the default plan.
USAGE
}

repo_root=$(cd "$(dirname "$0")/../.." && pwd)
base_url=http://127.0.0.1:8080 jar=$repo_root/bootstrap/target/scaleguard.jar schema=sg_loadtest
default_accounts=24 pro_accounts=6 hammer_seconds=60 storm_logins=120 gatling_properties=()
password="loadtest password 1" prefix=loadtest
while [[ $# -gt 0 ]]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    -D*) gatling_properties+=("$1"); shift; continue ;;
  esac
  [[ $# -ge 2 ]] || { usage >&2; exit 2; }
  case $1 in
    --base-url) base_url=$2 ;;
    --jar) jar=$2 ;;
    --schema) schema=$2 ;;
    --default-accounts) default_accounts=$2 ;;
    --pro-accounts) pro_accounts=$2 ;;
    --hammer-seconds) hammer_seconds=$2 ;;
    --storm-logins) storm_logins=$2 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift 2
done
die() { echo "run.sh: $*" >&2; exit 1; }
[[ $schema =~ ^[a-z_][a-z0-9_]*$ ]] || die "--schema must be a plain lower-case SQL name, was '$schema'"

export SCALEGUARD_DB_URL=${SCALEGUARD_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$schema}
export SCALEGUARD_POLICY_FILE=${SCALEGUARD_POLICY_FILE:-$repo_root/ops/loadtest/policy.properties}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

run_dir=""
# shellcheck disable=SC2317 # called by the EXIT trap
stop_cluster() { [[ -z $run_dir ]] || "$repo_root/ops/cluster/down.sh" --run-dir "$run_dir"; }
trap stop_cluster EXIT

if [[ $(status_of "$base_url/health/ready") == 200 ]]; then
  echo "== using the ScaleGuard that answers at $base_url"
else
  [[ $base_url =~ ^http://(127\.0\.0\.1|localhost):([0-9]+)$ ]] \
    || die "nothing answers at $base_url, and only a loopback URL with a port can be started here"
  edge_port=${BASH_REMATCH[2]}
  PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -p 5432 -U postgres test \
    -c "CREATE SCHEMA IF NOT EXISTS $schema" || die "cannot create schema $schema (needs psql and the local PostgreSQL)"
  run_dir=$(mktemp -d "${TMPDIR:-/tmp}/scaleguard-loadtest.XXXXXX")
  echo "== starting three replicas behind nginx on port $edge_port (logs in $run_dir)"
  # All virtual users share 127.0.0.1, so the edge's per-IP rate (the seed's 10 r/s) would refuse nearly all of the
  # hammering: raise it. Its auth zone keeps a small burst, so that the storm shows the edge's refusals too.
  SCALEGUARD_REDIS_KEY_PREFIX=${SCALEGUARD_REDIS_KEY_PREFIX:-sg-loadtest:} "$repo_root/ops/cluster/up.sh" \
    --replicas 3 --listen "$edge_port" --first-port $((edge_port + 1)) --run-dir "$run_dir" --jar "$jar" \
    --edge-rate 5000r/s --edge-burst 5000 --edge-auth-rate 20r/s --edge-auth-burst 60
fi

# Registers one account; 201 and 409 (registered by an earlier run) both do, refusals are retried after Retry-After.
register() {
  local headers status
  headers=$(mktemp)
  for _ in $(seq 1 30); do
    status=$(status_of -D "$headers" -X POST "$base_url/register" -H 'Content-Type: application/json' \
      --data "{\"username\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"$password\"}")
    case $status in
      201|409) rm -f "$headers"; return 0 ;;
      429|503) sleep "$(awk -F': *' 'tolower($1) == "retry-after" {print $2 + 0}' "$headers")" ;;
      *) rm -f "$headers"; die "registering $1 answered HTTP $status" ;;
    esac
  done
  rm -f "$headers"
  die "registering $1 was refused 30 times"
}

echo "== registering $default_accounts default and $pro_accounts pro accounts"
for ((i = 1; i <= default_accounts; i++)); do register "$prefix-default-$i"; done
for ((i = 1; i <= pro_accounts; i++)); do register "$prefix-pro-$i"; done
# Every run, not only after a 201: an account left on the default plan by an interrupted run is moved too. The plan
# is read at login (it goes into the access token), so this is done before Gatling logs in. Three JVMs at a time.
plan_log=$(mktemp "${TMPDIR:-/tmp}/scaleguard-loadtest-plans.XXXXXX")
for ((i = 1; i <= pro_accounts; i++)); do echo "$prefix-pro-$i"; done \
  | xargs -P 3 -I{} java -jar "$jar" users set-plan {} pro >"$plan_log" 2>&1 \
  || { cat "$plan_log" >&2; die "users set-plan failed (is SCALEGUARD_DB_URL the cluster's database?)"; }
grep -c 'is now on plan pro' "$plan_log" | sed 's/^/   accounts on the pro plan: /'

# A server answering at --base-url may not be the one whose database set-plan just changed (another cluster on the
# same port): then the pro accounts would quietly run on the default plan. One login tells.
if ((pro_accounts > 0)); then
  headers=$(mktemp) body=$(mktemp)
  for _ in $(seq 1 30); do
    status=$(curl -s -D "$headers" -o "$body" -w '%{http_code}' --max-time 60 -X POST "$base_url/auth/token" \
      --data-urlencode grant_type=password --data-urlencode "username=$prefix-pro-1" \
      --data-urlencode "password=$password" || true)
    [[ $status == 429 || $status == 503 ]] || break
    sleep "$(awk -F': *' 'tolower($1) == "retry-after" {print $2 + 0}' "$headers")"
  done
  [[ $status == 200 ]] || die "logging in as $prefix-pro-1 answered HTTP $status: $(cat "$body")"
  token=$(sed 's/.*"access_token":"\([^"]*\)".*/\1/' "$body")
  curl -s --max-time 10 -H "Authorization: Bearer $token" "$base_url/users/me" | grep -q '"plan":"pro"' \
    || die "$prefix-pro-1 is not on the pro plan at $base_url: is SCALEGUARD_DB_URL the database of that server?"
  rm -f "$headers" "$body"
fi

echo "== Gatling against $base_url"
log=$(mktemp "${TMPDIR:-/tmp}/scaleguard-loadtest-gatling.XXXXXX")
started=$(mktemp "${TMPDIR:-/tmp}/scaleguard-loadtest-started.XXXXXX")
set +e
(cd "$repo_root" && mvn -B -q -pl ops/loadtest gatling:test -Dloadtest.baseUrl="$base_url" \
  -Dloadtest.accountPrefix="$prefix" -Dloadtest.password="$password" -Dloadtest.defaultAccounts="$default_accounts" \
  -Dloadtest.proAccounts="$pro_accounts" -Dloadtest.hammerSeconds="$hammer_seconds" \
  -Dloadtest.stormLogins="$storm_logins" ${gatling_properties[@]+"${gatling_properties[@]}"}) | tee "$log"
gatling_status=${PIPESTATUS[0]}
set -e

# Gatling names each run's folder <simulation>-<start time>: the newest written since the start is this run's.
report=$(find "$repo_root/ops/loadtest/target/gatling" -mindepth 2 -maxdepth 2 -name index.html -newer "$started" \
  2>/dev/null | sort | tail -n 1)
rm -f "$started"
if [[ -n $report ]]; then
  echo "== HTML report: $report"
else
  echo "== no HTML report was written (Gatling's output: $log)" >&2
fi
exit "$gatling_status"
