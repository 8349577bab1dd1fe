#!/usr/bin/env bash
# Prints one signed JWT (RS256, valid 12 h) for the local stack on stdout, and nothing else.
#   deploy/token.sh <certificant|staff|auditor|integration> [subject] [--certificant-id ID]
# --certificant-id adds the certificantId claim (a staff member or auditor who is also that certificant).
# Signs with <data>/jwt/private-key.pem (data folder: $CEC_STACK_DATA or <repo>/.local-stack).
set -euo pipefail

usage() {
  echo "usage: deploy/token.sh <certificant|staff|auditor|integration> [subject] [--certificant-id ID]" >&2
  exit 2
}

role=""
subject=()
certificant=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --certificant-id)
      [[ $# -ge 2 ]] || usage
      certificant=(--certificant-id "$2"); shift 2 ;;
    --certificant-id=*)
      certificant=(--certificant-id "${1#--certificant-id=}"); shift ;;
    -*) usage ;;
    *)
      if [[ -z "$role" ]]; then role="$1"
      elif [[ ${#subject[@]} -eq 0 ]]; then subject=(--subject "$1")
      else usage
      fi
      shift ;;
  esac
done
[[ -n "$role" ]] || usage

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  # Build output goes to stderr: stdout carries only the token.
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl local-stack package) >&2
fi

exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack \
  token --role "$role" ${subject[@]+"${subject[@]}"} ${certificant[@]+"${certificant[@]}"}
