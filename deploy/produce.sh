#!/usr/bin/env bash
# Produces one record to a topic of the running local stack, as an external system would (a key, a JSON value),
# logged in to Kafka as the topic's writer (lms, meetings) or as --as <principal>, with the data folder's passwords.
#   deploy/produce.sh [--as <principal>] <topic> <key> '<json>'
#   deploy/produce.sh lms.course-completions.v1 C-000001 '{"completionId":"lms-1","memberId":"C-000001",...}'
# Broker: $KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092); data folder: $CEC_STACK_DATA (default .local-stack).
# Prints "produced <topic>-<partition>@<offset>", or "not produced to <topic>: <why>" and exits 1.
set -euo pipefail

AS=()
if [[ "${1:-}" == "--as" ]]; then
  AS=(--as "${2:?--as needs a principal}")
  shift 2
fi
if [[ $# -ne 3 ]]; then
  echo "usage: deploy/produce.sh [--as <principal>] <topic> <key> '<json>'" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/tooling/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl tooling/local-stack package) >&2
fi

exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack \
  produce "${AS[@]}" "$1" "$2" "$3"
