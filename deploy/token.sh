#!/usr/bin/env bash
# Prints one signed JWT (RS256, valid 12 h) for the local stack on stdout, and nothing else.
#   deploy/token.sh <certificant|staff|auditor|integration> [subject]
# Signs with <data>/jwt/private-key.pem (data folder: $CEC_STACK_DATA or <repo>/.local-stack).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: deploy/token.sh <certificant|staff|auditor|integration> [subject]" >&2
  exit 2
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  # Build output goes to stderr: stdout carries only the token.
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl local-stack package) >&2
fi

subject=()
if [[ $# -eq 2 ]]; then subject=(--subject "$2"); fi
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack \
  token --role "$1" ${subject[@]+"${subject[@]}"}
