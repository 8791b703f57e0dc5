#!/usr/bin/env bash
# The decision-path benchmark (BENCHMARKS.md items 1-3; results in ops/PERFORMANCE.md): ScaleGuard's Redis adapter
# beside Bucket4j (Lettuce, Redisson), Redisson's RRateLimiter and redis-benchmark, side by side on one Redis that the
# harness starts on a spare port (or SCALEGUARD_BENCH_REDIS_URL, a Redis dedicated to the benchmark).
#
# Works on a fresh machine with a JDK 17 and Maven: it packages the modules it needs (without installing them) and
# runs the harness from their jars. Settings go before nothing else, as -D options, e.g.
#   ops/benchmarks/run-decision-path.sh -Dbench.seconds=10 -Dbench.threads=64
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl ops/benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -DskipTests -DskipITs
exec java "$@" -cp "ops/benchmarks/target/classes:$(cat ops/benchmarks/target/classpath.txt)" \
    io.scaleguard.benchmarks.DecisionPathBenchmark
