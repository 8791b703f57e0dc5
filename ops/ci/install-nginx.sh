#!/usr/bin/env bash
# Installs nginx from Debian's packages when it is not on the PATH, for the edge tests in ops/system-tests.
# The tests run their own nginx with their own configuration, so Debian's package must not start a system
# nginx on port 80: a policy-rc.d that forbids service starts is in place for the whole install.
set -euo pipefail

usage() { echo "usage: $(basename "$0")   installs nginx (apt-get, non-interactive) when 'nginx' is missing; needs root or sudo"; }
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

# Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
if command -v nginx >/dev/null 2>&1; then
  nginx -v 2>&1
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

policy=/usr/sbin/policy-rc.d
created_policy=false
if [[ ! -e $policy ]]; then
  # Exit code 101 tells invoke-rc.d (and deb-systemd-invoke) that starting services is forbidden.
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  created_policy=true
fi
remove_policy() { if $created_policy; then $sudo rm -f "$policy"; fi; }
trap remove_policy EXIT

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends nginx >/dev/null

# Should a start slip through anyway (an init system ignoring policy-rc.d), stop it: nothing may listen on 80.
if [[ -s /run/nginx.pid ]]; then
  $sudo start-stop-daemon --stop --quiet --retry QUIT/10/KILL/5 --pidfile /run/nginx.pid --exec /usr/sbin/nginx || true
fi

nginx -v 2>&1
