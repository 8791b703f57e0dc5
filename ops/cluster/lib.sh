# shellcheck shell=bash
# Shared by up.sh, down.sh and status.sh (sourced, not run): paths, pid files and process checks.
# A run dir holds one cluster: replica-<i>.pid/.log, replica-<i>/ (working dir), nginx/ (config, pid, logs)
# and cluster.env (what up.sh started, for status.sh).

cluster_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # both used by the scripts that source this file
{
  repo_root=$(cd "$cluster_dir/../.." && pwd)
  default_run_dir=$cluster_dir/run
}
# Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# A zombie (exited, not yet reaped by its parent) counts as stopped.
running() { kill -0 "$1" 2>/dev/null && [[ $(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) != Z ]]; }

# The pid in a pid file, when that process still runs and is what we started (pid numbers get reused).
live_pid() {
  local pid_file=$1 expected=$2 pid
  [[ -s $pid_file ]] || return 1
  pid=$(<"$pid_file")
  [[ $pid =~ ^[0-9]+$ ]] && running "$pid" || return 1
  [[ $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) == *"$expected"* ]] || return 1
  echo "$pid"
}

replica_pid() { live_pid "$1/replica-$2.pid" "-jar"; }
nginx_pid() { live_pid "$1/nginx/nginx.pid" "nginx"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HTTP status of a GET on loopback, or 000 when nothing answers.
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1$2" || true; }
