#!/usr/bin/env bash
# Runs the whole CEC platform on this machine: embedded PostgreSQL, an in-process Kafka broker, the topics,
# a JWT key pair, an SMTP server that keeps what is sent (listed as JSON at http://127.0.0.1:8025/messages; set
# MAIL_SMTP_PORT / MAILBOX_PORT for other ports) and the four services, then the staff console (http://127.0.0.1:8084).
# Ctrl-C stops everything. See deploy/README.md.
#
#   deploy/run-local.sh               build if needed, then start everything
#   deploy/run-local.sh --rebuild     build first in any case
#   deploy/run-local.sh --infra-only  only PostgreSQL, Kafka, topics, keys and the SMTP server
#   (other options go to the launcher: --data-dir DIR, --ready-timeout SECONDS)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="$ROOT/tooling/local-stack/target/local-stack.jar"

rebuild=false
infra_only=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --infra-only) infra_only=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

required=("$LAUNCHER")
if ! $infra_only; then
  for service in ledger-service renewal-service audit-service notification-service staff-console; do
    required+=("$ROOT/$service/target/quarkus-app/quarkus-run.jar")
  done
fi
for jar in "${required[@]}"; do
  [[ -f "$jar" ]] || rebuild=true
done

if $rebuild; then
  echo "Building (./mvnw -q -B -DskipTests package)..."
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

# exec: Ctrl-C and SIGTERM go straight to the launcher's JVM, whose shutdown hook stops everything in order.
exec java ${LOCAL_STACK_JAVA_OPTS:--Xmx512m} -jar "$LAUNCHER" up ${args[@]+"${args[@]}"}
