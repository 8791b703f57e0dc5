#!/usr/bin/env bash
# Renders ops/nginx/nginx.conf.template into a complete nginx.conf for N replicas.
# The same template serves the loopback cluster (ops/cluster), the Compose file (ops/docker) and the edge tests.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true   # bash 5.2 would read '&' in a replacement as the match

usage() {
  cat <<'EOF'
usage: render.sh --run-dir DIR [options]
  --replicas N            upstream servers (default 3)
  --first-port P          port of replica 1; replica i listens on P+i-1 (default 8081)
  --upstream-host H       host of every replica (default 127.0.0.1)
  --host-prefix PREFIX    instead: replica i is host PREFIX<i> on --first-port (one host per replica, as in Compose)
  --listen [ADDR:]PORT    where nginx listens (default 127.0.0.1:8080)
  --run-dir DIR           pid file, temp files and logs (required; absolute when --output is given)
  --output FILE           where to write (default DIR/nginx.conf; DIR is then created)
  --rate R                per-client-IP rate, Nr/s or Nr/m (default 10r/s, the seed's)
  --burst B               requests above the rate admitted at once (default 20)
  --auth-rate R           per-client-IP rate on /auth/token and /register (default 2r/s)
  --auth-burst B          burst there (default 4)
  --trusted-proxies LIST  comma list of CIDRs whose X-Forwarded-For is believed (default none: clients connect directly)
  --max-body SIZE         client_max_body_size (default 64k)
  --access-log PATH       default DIR/access.log
  --error-log PATH        default DIR/error.log
Then: nginx -p DIR -c DIR/nginx.conf -e DIR/error.log   (add -t to test it)
EOF
}

fail() { echo "render.sh: $* (see render.sh --help)" >&2; exit 2; }

replicas=3 first_port=8081 upstream_host=127.0.0.1 host_prefix="" listen=127.0.0.1:8080
run_dir="" output="" rate=10r/s burst=20 auth_rate=2r/s auth_burst=4 trusted="" max_body=64k
access_log="" error_log=""
recorded=()   # the arguments that shape the file, written into its header so that it can be rendered again

while [[ $# -gt 0 ]]; do
  [[ $1 == -h || $1 == --help ]] && { usage; exit 0; }
  [[ $# -ge 2 ]] || fail "$1 needs a value"
  case $1 in
    --replicas) replicas=$2 ;;
    --first-port) first_port=$2 ;;
    --upstream-host) upstream_host=$2 ;;
    --host-prefix) host_prefix=$2 ;;
    --listen) listen=$2 ;;
    --run-dir) run_dir=$2 ;;
    --output) output=$2 ;;
    --rate) rate=$2 ;;
    --burst) burst=$2 ;;
    --auth-rate) auth_rate=$2 ;;
    --auth-burst) auth_burst=$2 ;;
    --trusted-proxies) trusted=$2 ;;
    --max-body) max_body=$2 ;;
    --access-log) access_log=$2 ;;
    --error-log) error_log=$2 ;;
    *) fail "unknown option $1" ;;
  esac
  [[ $1 == --output ]] || recorded+=("$1" "$2")
  shift 2
done

[[ -n $run_dir ]] || fail "--run-dir is required"
[[ $replicas =~ ^[1-9][0-9]*$ ]] || fail "--replicas must be a positive whole number, was '$replicas'"
[[ $first_port =~ ^[0-9]+$ && $first_port -ge 1 && $((first_port + replicas - 1)) -le 65535 ]] \
  || fail "--first-port must leave room for $replicas ports below 65536, was '$first_port'"
[[ $upstream_host =~ ^[A-Za-z0-9.:_-]+$ ]] || fail "--upstream-host is not a host name or address: '$upstream_host'"
[[ -z $host_prefix || $host_prefix =~ ^[A-Za-z0-9._-]+$ ]] || fail "--host-prefix is not a host name prefix: '$host_prefix'"
[[ $listen =~ ^(([0-9.]+|\[[0-9A-Fa-f:]+\]):)?[0-9]+$ ]] || fail "--listen must be [ADDR:]PORT, was '$listen'"
[[ $burst =~ ^(0|[1-9][0-9]*)$ ]] || fail "--burst must be a whole number, was '$burst'"
[[ $auth_burst =~ ^(0|[1-9][0-9]*)$ ]] || fail "--auth-burst must be a whole number, was '$auth_burst'"
[[ $max_body =~ ^[0-9]+[km]?$ ]] || fail "--max-body must be like 64k or 1m, was '$max_body'"
[[ $run_dir != *[[:space:]\;\{\}]* ]] || fail "--run-dir must not contain spaces, ';' or braces"

# Whole seconds until a refused client may try again: one request's worth of the rate, rounded up, never 0.
retry_after_of() {
  local value=${1%r/*} unit=${1#*r/}
  [[ $1 =~ ^[1-9][0-9]*r/[sm]$ ]] || fail "a rate must be like 10r/s or 30r/m, was '$1'"
  local period=1
  [[ $unit == m ]] && period=60
  echo $(((period + value - 1) / value))
}
retry_after=$(retry_after_of "$rate")
auth_retry_after=$(retry_after_of "$auth_rate")

if [[ -z $output ]]; then
  mkdir -p "$run_dir"
  run_dir=$(cd "$run_dir" && pwd)
  output=$run_dir/nginx.conf
else
  # The run dir is then a path on the machine that will run nginx (a container, say): nothing to create here.
  [[ $run_dir == /* ]] || fail "--run-dir must be absolute when --output is given"
fi
access_log=${access_log:-$run_dir/access.log}
error_log=${error_log:-$run_dir/error.log}

servers=""
for ((i = 1; i <= replicas; i++)); do
  if [[ -n $host_prefix ]]; then address=$host_prefix$i:$first_port; else address=$upstream_host:$((first_port + i - 1)); fi
  # A replica that fails 3 times is left out for 10 s, then tried again with live traffic (passive health).
  servers+="        server $address max_fails=3 fail_timeout=10s;"$'\n'
done

real_ip_from=""
IFS=, read -ra cidrs <<<"$trusted"
for cidr in "${cidrs[@]}"; do
  [[ $cidr =~ ^[0-9A-Fa-f.:]+(/[0-9]{1,3})?$ ]] || fail "--trusted-proxies: not a CIDR: '$cidr'"
  real_ip_from+="    set_real_ip_from $cidr;"$'\n'
done
[[ -n $real_ip_from ]] || real_ip_from="    # no trusted proxies: every client's address is its peer address"$'\n'

# Bounded retries: enough to get past one or two dead replicas, never a storm over all of them.
tries=$((replicas < 3 ? replicas : 3))

template_file="$(dirname "$0")/nginx.conf.template"
conf=$(<"$template_file")
substitute() { conf=${conf//"@@$1@@"/$2}; }
substitute SET_REAL_IP_FROM "${real_ip_from%$'\n'}"
substitute UPSTREAM_SERVERS "${servers%$'\n'}"
substitute RUN_DIR "$run_dir"
substitute ACCESS_LOG "$access_log"
substitute ERROR_LOG "$error_log"
substitute LISTEN "$listen"
substitute RATE "$rate"
substitute BURST "$burst"
substitute AUTH_RATE "$auth_rate"
substitute AUTH_BURST "$auth_burst"
# nginx refuses "burst=0": no burst is written as no option at all.
burst_option() { if [[ $1 == 0 ]]; then echo ""; else echo " burst=$1"; fi; }
substitute BURST_OPTION "$(burst_option "$burst")"
substitute AUTH_BURST_OPTION "$(burst_option "$auth_burst")"
substitute RETRY_AFTER "$retry_after"
substitute AUTH_RETRY_AFTER "$auth_retry_after"
substitute MAX_BODY "$max_body"
substitute TRIES "$tries"
if [[ $conf == *@@* ]]; then
  echo "render.sh: the template has a placeholder this script does not fill: $(grep -o '@@[A-Z_]*@@' <<<"$conf" | head -1)" >&2
  exit 1
fi

{
  echo "# Rendered by ops/nginx/render.sh from ops/nginx/nginx.conf.template: edit those, then render again."
  echo "# render.sh arguments: ${recorded[*]}"
  echo "$conf"
} >"$output"
