#!/usr/bin/env bash
# Installs what the tests run besides the JVM, each only when it is missing: nginx and Chromium from Debian's
# packages, for the edge and browser system tests, Node.js and npm (Debian's) to run the browser script, and
# playwright-core from npm (pinned by its lock file) to drive that Chromium. Never a browser download: playwright-core
# has none.
set -euo pipefail

usage() { echo "usage: $(basename "$0")   installs nginx, chromium (apt-get) and playwright-core (npm ci) when missing; needs root or sudo for apt"; }
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
browser_tests="$here/../../bootstrap/src/test/browser"

bash "$here/install-nginx.sh"

apt_install() {
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium
fi
chromium --version

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi

if [[ ! -d "$browser_tests/node_modules/playwright-core" ]]; then
  npm ci --prefix "$browser_tests" --no-audit --no-fund --loglevel=error
fi
node -e "console.log('playwright-core ' + require('$browser_tests/node_modules/playwright-core/package.json').version)"
