#!/usr/bin/env bash
# Shows what runs from one run dir: each replica's pid and readiness, and the edge. Exits 0 only when all is up.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

usage() { echo "usage: status.sh [--run-dir DIR (default ops/cluster/run)]"; }
run_dir=$default_run_dir
case ${1:-} in
  -h|--help) usage; exit 0 ;;
  --run-dir) [[ $# -eq 2 ]] || { usage >&2; exit 2; }; run_dir=$2 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac
[[ -f $run_dir/cluster.env ]] || { echo "no cluster was started from $run_dir"; exit 1; }
replicas="" first_port="" listen=""   # what up.sh wrote into cluster.env
# shellcheck source=/dev/null
source "$run_dir/cluster.env"

all_up=true
report() {  # name, pid or empty, port
  local state=stopped ready=-
  if [[ -n $2 ]]; then state="running (pid $2)"; ready=$(http_status "$3" /health/ready); fi
  [[ $ready == 200 ]] || all_up=false
  printf '%-10s %-22s 127.0.0.1:%-6s /health/ready %s\n' "$1" "$state" "$3" "$ready"
}
for ((i = 1; i <= replicas; i++)); do
  report "replica-$i" "$(replica_pid "$run_dir" "$i" || true)" $((first_port + i - 1))
done
report edge "$(nginx_pid "$run_dir" || true)" "$listen"
$all_up
