#!/usr/bin/env bash
# The long version of the reliability tests: the crash test with 100,000 writes (intake messages, self-reports with
# an Idempotency-Key, renewals) while the ledger-, renewal- and audit-service and the Kafka broker are each killed
# with kill -9 and restarted. Builds the services, starts its own stack (free ports, data under tooling/system-tests/target),
# prints the figures (writes, faults injected, lost, duplicated, 5xx) and fails when anything was lost or counted twice.
#
#   deploy/reliability.sh                      crash test, 100,000 writes (about 20-30 minutes on 2 cores)
#   WRITES=20000 deploy/reliability.sh         another size
#   deploy/reliability.sh --all                also the replay, database-fault, hostile-input and stop-mid-batch tests
#                                              (HOSTILE_REQUESTS=50000 for a bigger corpus)
# The short versions run in ./mvnw verify (5,000 writes; 10,000 hostile requests). See README.md, "Reliability".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tests="CrashSystemTest"
if [[ "${1:-}" == "--all" ]]; then
  tests="CrashSystemTest,ReplaySystemTest,DatabaseFaultSystemTest,HostileInputSystemTest,StopMidBatchSystemTest"
fi

cd "$ROOT"
exec ./mvnw -B -pl tooling/system-tests -am verify \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcec.reliability.writes="${WRITES:-100000}" \
  -Dcec.hostile.requests="${HOSTILE_REQUESTS:-10000}"
