#!/usr/bin/env bash
# Loads demo data into the running local stack through its REST API and intake topics (progress on stderr), then
# prints the renewals and audit selections per level and checks them against GET /api/v1/sampling/{year}.
#   deploy/demo-data.sh                                  # 2,000 certificants, seed 1, on the services' current day
#   deploy/demo-data.sh --certificants 500 --seed 7 --today 2027-06-15
# Options: --certificants, --seed, --today, --threads, --ledger-url, --renewal-url, --audit-url,
# --bootstrap-servers (defaults: $LEDGER, $RENEWAL, $AUDIT, $KAFKA_BOOTSTRAP_SERVERS, else the local stack's).
# Exit 1 when the counts do not match the sampling report or calls failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/tooling/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl tooling/local-stack package) >&2
fi

exec java ${LOCAL_STACK_JAVA_OPTS:--Xmx512m} -jar "$LAUNCHER" demo "$@"
