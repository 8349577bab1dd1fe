#!/usr/bin/env bash
# Measures the platform on a stack of its own (free ports, data under tooling/benchmark/target/stack-*): raw Kafka, the
# pipeline, steady lag, reads, reads beside 10 MB document uploads, rebuild, a renewal burst, memory and start-up. Prints a table, writes
# tooling/benchmark/target/benchmark-<date>.json, and exits non-zero when the end-of-run counts disagree.
#
#   deploy/benchmark.sh --quick                  a smoke run (small N)
#   deploy/benchmark.sh                          the default profile (200,000 completions, ...)
#   deploy/benchmark.sh --only pipeline,reads    a subset; --help lists every option
#   deploy/benchmark.sh --only reads-with-uploads   the reads alone, then beside 10 MB uploads to the audit-service
#   deploy/benchmark.sh --rebuild ...            build first in any case
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/tooling/benchmark/target/benchmark.jar"

rebuild=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    *) args+=("$arg") ;;
  esac
done
for jar in "$JAR" "$ROOT"/{ledger,renewal,audit}-service/target/quarkus-app/quarkus-run.jar; do
  [[ -f "$jar" ]] || rebuild=true
done
if $rebuild; then
  echo "Building (./mvnw -q -B -DskipTests package)..."
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

cd "$ROOT"
exec java ${BENCHMARK_JAVA_OPTS:--Xmx1g} -jar "$JAR" ${args[@]+"${args[@]}"}
