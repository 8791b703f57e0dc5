#!/usr/bin/env bash
# Starts N replicas of bootstrap/target/scaleguard.jar on loopback ports and the nginx edge in front of them,
# against the Redis and PostgreSQL named in the environment, and waits until every one of them is ready.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

usage() {
  cat <<'EOF'
usage: up.sh [--replicas N] [--first-port P] [--listen PORT] [--run-dir DIR] [--jar JAR] [--timeout SECONDS]
             [--edge-rate R] [--edge-burst B] [--edge-auth-rate R] [--edge-auth-burst B] [--build]
  --replicas N        replicas to start (default 3)
  --first-port P      replica i listens on 127.0.0.1:P+i-1 (default 8081)
  --listen PORT       the edge listens on 127.0.0.1:PORT (default 8080)
  --run-dir DIR       logs, pid files, nginx config (default ops/cluster/run)
  --jar JAR           the service jar (default bootstrap/target/scaleguard.jar)
  --timeout SECONDS   how long to wait for all replicas' /health/ready and the edge (default 90)
  --edge-*            nginx's per-IP limits, as render.sh's --rate, --burst, --auth-rate, --auth-burst
  --build             run `mvn -q -DskipTests package` first
Environment: SCALEGUARD_REDIS_URL (default redis://127.0.0.1:6379), SCALEGUARD_DB_URL (default
jdbc:postgresql://127.0.0.1:5432/test), SCALEGUARD_DB_USER (default postgres), SCALEGUARD_ISSUER (default
http://localhost:PORT, the edge); every other SCALEGUARD_* variable reaches the replicas as it is. JAVA_OPTS
goes to each JVM. Stop with down.sh (same --run-dir).
EOF
}

replicas=3 first_port=8081 listen=8080 run_dir=$default_run_dir jar=$repo_root/bootstrap/target/scaleguard.jar
timeout=90 build=false edge_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --build) build=true; shift; continue ;;
  esac
  [[ $# -ge 2 ]] || { usage >&2; exit 2; }
  case $1 in
    --replicas) replicas=$2 ;;
    --first-port) first_port=$2 ;;
    --listen) listen=$2 ;;
    --run-dir) run_dir=$2 ;;
    --jar) jar=$2 ;;
    --timeout) timeout=$2 ;;
    --edge-rate) edge_args+=(--rate "$2") ;;
    --edge-burst) edge_args+=(--burst "$2") ;;
    --edge-auth-rate) edge_args+=(--auth-rate "$2") ;;
    --edge-auth-burst) edge_args+=(--auth-burst "$2") ;;
    *) echo "up.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift 2
done
[[ $replicas =~ ^[1-9][0-9]*$ ]] || die "--replicas must be a positive whole number, was '$replicas'"
[[ $first_port =~ ^[0-9]+$ && $listen =~ ^[0-9]+$ ]] || die "--first-port and --listen must be port numbers"
[[ $timeout =~ ^[1-9][0-9]*$ ]] || die "--timeout must be a whole number of seconds, was '$timeout'"

if $build; then (cd "$repo_root" && mvn -B -q -DskipTests package); fi
[[ -f $jar ]] || die "no $jar: build it first with 'mvn -q -DskipTests package' (or pass --build)"
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
command -v nginx >/dev/null || die "nginx is not installed: run 'bash ops/ci/install-nginx.sh'"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

mkdir -p "$run_dir"
run_dir=$(cd "$run_dir" && pwd)
for pid_file in "$run_dir"/replica-*.pid; do
  [[ -e $pid_file ]] || continue
  i=${pid_file##*/replica-}; i=${i%.pid}
  ! replica_pid "$run_dir" "$i" >/dev/null || die "a cluster already runs from $run_dir: stop it with down.sh --run-dir $run_dir"
done
! nginx_pid "$run_dir" >/dev/null || die "an edge already runs from $run_dir: stop it with down.sh --run-dir $run_dir"

ports=()
for ((i = 1; i <= replicas; i++)); do ports+=($((first_port + i - 1))); done
# Something else on a port would answer our health checks and fool us: refuse before starting anything.
for port in "${ports[@]}" "$listen"; do
  ! port_in_use "$port" || die "port $port is already in use on 127.0.0.1: choose others with --first-port/--listen"
done

give_up() {
  echo "up.sh: $1" >&2
  if [[ -f $2 ]]; then
    echo "---- last lines of $2" >&2
    tail -n 40 "$2" >&2
    echo "----" >&2
  fi
  "$cluster_dir/down.sh" --run-dir "$run_dir" >&2
  exit 1
}

printf 'replicas=%q\nfirst_port=%q\nlisten=%q\njar=%q\n' "$replicas" "$first_port" "$listen" "$jar" >"$run_dir/cluster.env"

export SCALEGUARD_REPLICAS=$replicas
# The replicas listen on loopback only: the edge is the one way in, so its per-IP limits cannot be walked around.
export SCALEGUARD_HTTP_HOST=${SCALEGUARD_HTTP_HOST:-127.0.0.1}
export SCALEGUARD_DB_URL=${SCALEGUARD_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
export SCALEGUARD_DB_USER=${SCALEGUARD_DB_USER:-postgres}
export SCALEGUARD_ISSUER=${SCALEGUARD_ISSUER:-http://localhost:$listen}
# A Redis Cluster named by the caller replaces the standalone default.
if [[ -z ${SCALEGUARD_REDIS_CLUSTER_NODES:-} ]]; then
  export SCALEGUARD_REDIS_URL=${SCALEGUARD_REDIS_URL:-redis://127.0.0.1:6379}
fi

for ((i = 1; i <= replicas; i++)); do
  mkdir -p "$run_dir/replica-$i"
  (
    cd "$run_dir/replica-$i"
    export SCALEGUARD_HTTP_PORT=${ports[i - 1]}
    export SCALEGUARD_DATA_DIR=${SCALEGUARD_DATA_DIR:-$run_dir/replica-$i/data}
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
    exec nohup "$java_bin" ${JAVA_OPTS:-} -jar "$jar" </dev/null >"$run_dir/replica-$i.log" 2>&1
  ) &
  echo $! >"$run_dir/replica-$i.pid"
done

"$repo_root/ops/nginx/render.sh" --replicas "$replicas" --first-port "$first_port" --listen "127.0.0.1:$listen" \
  --run-dir "$run_dir/nginx" ${edge_args[@]+"${edge_args[@]}"} || give_up "could not render the nginx config" /dev/null
nginx_command=(nginx -p "$run_dir/nginx" -c "$run_dir/nginx/nginx.conf" -e "$run_dir/nginx/error.log")
"${nginx_command[@]}" -t -q 2>"$run_dir/nginx/config-test.log" \
  || give_up "nginx rejects the rendered config" "$run_dir/nginx/config-test.log"

deadline=$((SECONDS + timeout))
for ((i = 1; i <= replicas; i++)); do
  port=${ports[i - 1]} log=$run_dir/replica-$i.log
  until [[ $(http_status "$port" /health/ready) == 200 ]]; do
    replica_pid "$run_dir" "$i" >/dev/null || give_up "replica $i (port $port) exited while starting" "$log"
    ((SECONDS < deadline)) || give_up "replica $i (port $port) was not ready within ${timeout}s" "$log"
    sleep 0.5
  done
done

"${nginx_command[@]}" >/dev/null 2>>"$run_dir/nginx/error.log" || give_up "nginx did not start" "$run_dir/nginx/error.log"
until [[ $(http_status "$listen" /health/ready) == 200 ]]; do
  ((SECONDS < deadline)) || give_up "the edge on port $listen did not answer within ${timeout}s" "$run_dir/nginx/error.log"
  sleep 0.2
done

echo "ScaleGuard: $replicas replicas on 127.0.0.1:${ports[0]}-${ports[replicas - 1]}, edge on http://127.0.0.1:$listen"
echo "logs in $run_dir; stop with: $cluster_dir/down.sh --run-dir $run_dir"
