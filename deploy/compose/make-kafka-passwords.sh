#!/usr/bin/env bash
# Writes deploy/compose/.env with a random Kafka password for the broker and each principal (compose.yaml reads it).
# Keeps an existing .env: delete it first to rotate every password (then recreate the kafka service's volume, or
# change the passwords one by one as README "Security" describes).
set -euo pipefail
ENV_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.env"
if [[ -f "$ENV_FILE" ]]; then
  echo "$ENV_FILE exists; not overwriting" >&2
  exit 0
fi
umask 077
for name in BROKER LEDGER_SERVICE RENEWAL_SERVICE AUDIT_SERVICE LMS MEETINGS OPERATOR; do
  echo "KAFKA_PASSWORD_$name=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
done > "$ENV_FILE"
echo "wrote $ENV_FILE"
