#!/usr/bin/env bash
# Stops what up.sh started from one run dir: the edge first (no new requests), then every replica with SIGTERM
# (each drains its in-flight requests), SIGKILL for any still running after the wait. Safe to run twice.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

usage() { echo "usage: down.sh [--run-dir DIR (default ops/cluster/run)] [--wait SECONDS (default: shutdown grace + 10)]"; }

run_dir=$default_run_dir
wait_seconds=$((${SCALEGUARD_SHUTDOWN_GRACE_SECONDS:-20} + 10))
while [[ $# -gt 0 ]]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --run-dir) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; run_dir=$2 ;;
    --wait) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; wait_seconds=$2 ;;
    *) echo "down.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift 2
done
[[ $wait_seconds =~ ^[0-9]+$ ]] || die "--wait must be a whole number of seconds, was '$wait_seconds'"
if [[ ! -d $run_dir ]]; then echo "nothing runs from $run_dir"; exit 0; fi

# SIGTERM (or the given signal) to each pid, then SIGKILL to whichever is still alive after the wait.
stop() {
  local signal=$1 name=$2
  shift 2
  [[ $# -gt 0 ]] || return 0
  kill "-$signal" "$@" 2>/dev/null || true
  local deadline=$((SECONDS + wait_seconds)) pid alive
  while :; do
    alive=()
    for pid in "$@"; do if running "$pid"; then alive+=("$pid"); fi; done
    [[ ${#alive[@]} -gt 0 ]] || break
    if ((SECONDS >= deadline)); then
      echo "down.sh: $name still running after ${wait_seconds}s, killing ${alive[*]}" >&2
      kill -KILL "${alive[@]}" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
}

# QUIT is nginx's graceful shutdown: it finishes the requests it is proxying.
if pid=$(nginx_pid "$run_dir"); then
  stop QUIT nginx "$pid"
  echo "stopped the edge (pid $pid)"
fi
rm -f "$run_dir/nginx/nginx.pid"

pids=() pid_files=()
for pid_file in "$run_dir"/replica-*.pid; do
  [[ -e $pid_file ]] || continue
  i=${pid_file##*/replica-}; i=${i%.pid}
  if pid=$(replica_pid "$run_dir" "$i"); then pids+=("$pid"); fi
  pid_files+=("$pid_file")
done
# All at once, so that the replicas drain in parallel.
stop TERM replicas ${pids[@]+"${pids[@]}"}
rm -f ${pid_files[@]+"${pid_files[@]}"}
echo "stopped ${#pids[@]} replica(s) from $run_dir"
