#!/usr/bin/env bash
# Produces one record to a topic of the running local stack, as an external system would (a key, a JSON value).
#   deploy/produce.sh <topic> <key> '<json>'
#   deploy/produce.sh lms.course-completions.v1 C-000001 '{"completionId":"lms-1","memberId":"C-000001",...}'
# Broker: $KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092). Prints "produced <topic>-<partition>@<offset>".
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: deploy/produce.sh <topic> <key> '<json>'" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl local-stack package) >&2
fi

exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack \
  produce "$1" "$2" "$3"
