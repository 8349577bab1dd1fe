#!/usr/bin/env bash
# The local stack's development payment provider: pays a pending renewal with a webhook call to the renewal-service,
# signed with the stack's webhook secret (<data>/payment-webhook-secret), and prints the answer (JSON, one line):
#   deploy/pay.sh <renewalId> [--amount N] [--currency C] [--reference R] [--status S] [--event-id ID]
# Without options it pays exactly what the renewal asks (amount, currency, reference) under a new provider event id;
# the options play the other cases (a wrong amount, a failed payment, a redelivery). Exit status 0 when the service
# answered 200. The renewal-service: $RENEWAL, else http://127.0.0.1:$RENEWAL_PORT (8082).
set -euo pipefail

if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: deploy/pay.sh <renewalId> [--amount N] [--currency C] [--reference R] [--status S] [--event-id ID]" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/tooling/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl tooling/local-stack package) >&2
fi

exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack pay "$@"
