#!/usr/bin/env bash
# Where a JFR recording's CPU samples went: the share of execution samples whose stack passes through each library
# (inclusive: "under jose4j" is the JWT verification with everything it calls), then the hottest methods by samples
# on top of the stack (self time). Enough to tell what bounds a request path without a profiler UI.
set -euo pipefail

usage() { echo "usage: jfr-top.sh RECORDING.jfr [METHODS (default 15)]"; }
[[ $# -ge 1 && $# -le 2 ]] || { usage >&2; exit 2; }
[[ -f $1 ]] || { echo "jfr-top.sh: no recording $1" >&2; exit 1; }

jfr print --events jdk.ExecutionSample --stack-depth 256 "$1" | awk -v top="${2:-15}" '
  # The library of a frame such as "org.jose4j.jws.JsonWebSignature.verifySignature() line: 12".
  function library(frame) {
    if (frame ~ /^org\.jose4j\./) return "jose4j (JWT)"
    if (frame ~ /^org\.redisson\.|^io\.netty\./) return "Redisson + Netty (Redis client)"
    if (frame ~ /^org\.eclipse\.persistence\./) return "EclipseLink (JPA)"
    if (frame ~ /^org\.postgresql\./) return "PostgreSQL JDBC driver"
    if (frame ~ /^org\.bouncycastle\./) return "Bouncy Castle (Argon2id)"
    if (frame ~ /^org\.glassfish\.jersey\.|^org\.glassfish\.hk2\.|^org\.jvnet\.hk2\./) return "Jersey + HK2"
    if (frame ~ /^org\.glassfish\.grizzly\./) return "Grizzly (HTTP)"
    if (frame ~ /^com\.fasterxml\.jackson\./) return "Jackson (JSON)"
    if (frame ~ /^io\.micrometer\./) return "Micrometer (metrics)"
    if (frame ~ /^io\.scaleguard\./) return "ScaleGuard"
    if (frame ~ /^(java|javax|jdk|sun|com\.sun)\./) return "JDK"
    return "other"
  }
  /stackTrace = \[/ { in_stack = 1; first = 1; delete seen; samples++; next }
  in_stack && /^[[:space:]]*\]/ { in_stack = 0; for (l in seen) inclusive[l]++; next }
  in_stack {
    frame = $1
    lib = library(frame)
    seen[lib] = 1
    if (first) { sub(/\(.*/, "", frame); self[frame]++; first = 0 }
  }
  END {
    if (samples == 0) { print "no execution samples in the recording"; exit }
    printf "%d execution samples\n\n", samples
    print "share of samples under each library (inclusive; a sample counts for every library on its stack)"
    for (l in inclusive) printf "  %5.1f%%  %s\n", 100 * inclusive[l] / samples, l | "sort -rn"
    close("sort -rn")
    printf "\nhottest methods (self: on top of the stack)\n"
    for (m in self) printf "  %5.1f%%  %s\n", 100 * self[m] / samples, m | ("sort -rn | head -n " top)
    close("sort -rn | head -n " top)
  }'
