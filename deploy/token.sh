#!/usr/bin/env bash
# Prints one signed JWT (RS256, valid 12 h, audience cec-platform, kid of the signing key) for the local stack on
# stdout, and nothing else.
#   deploy/token.sh <certificant|staff|auditor|integration> [subject] [--certificant-id ID]
#   deploy/token.sh --rotate     a new signing key, published beside the old ones in the stack's JWKS
#   deploy/token.sh --retire     unpublish all keys but the signing key (their tokens are refused within 6 minutes)
#   deploy/token.sh --keys       show the signing key and the published ones
# --certificant-id adds the certificantId claim (a staff member or auditor who is also that certificant).
# Signs with <data>/jwt/private-key.pem; the JWKS is <data>/jwt/jwks.json (data folder: $CEC_STACK_DATA or
# <repo>/.local-stack). A running stack serves key changes at once; its services follow without a restart.
set -euo pipefail

usage() {
  echo "usage: deploy/token.sh <certificant|staff|auditor|integration> [subject] [--certificant-id ID]" >&2
  echo "       deploy/token.sh --rotate | --retire | --keys" >&2
  exit 2
}

role=""
subject=()
certificant=()
keys=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rotate|--retire|--keys)
      [[ ${#keys[@]} -gt 0 ]] || keys=(keys)
      [[ "$1" == --keys ]] || keys+=("$1")
      shift ;;
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
if [[ ${#keys[@]} -gt 0 ]]; then
  [[ -z "$role" ]] || usage
else
  [[ -n "$role" ]] || usage
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/tooling/local-stack/target/local-stack.jar"

if [[ ! -f "$LAUNCHER" ]]; then
  # Build output goes to stderr: stdout carries only the token.
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl tooling/local-stack package) >&2
fi

if [[ ${#keys[@]} -gt 0 ]]; then
  exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack "${keys[@]}"
fi
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$LAUNCHER" org.cecplatform.localstack.LocalStack \
  token --role "$role" ${subject[@]+"${subject[@]}"} ${certificant[@]+"${certificant[@]}"}
