#!/usr/bin/env bash
# Writes deploy/compose/.env (compose.yaml reads it): a random password for the Kafka broker and each Kafka principal,
# and for PostgreSQL's administrator and each service's two roles (<db>_owner for migrations, <db>_app for the
# service). Keeps the passwords already in .env and adds the missing ones, so it also completes an older .env.
# To rotate a password: see docs/security.md (change it on the server, then in .env, then restart the service).
set -euo pipefail
ENV_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.env"
umask 077
touch "$ENV_FILE"
chmod 600 "$ENV_FILE"
added=0
for name in KAFKA_PASSWORD_{BROKER,LEDGER_SERVICE,RENEWAL_SERVICE,AUDIT_SERVICE,NOTIFICATION_SERVICE,LMS,MEETINGS,OPERATOR} \
            DB_PASSWORD_ADMIN DB_PASSWORD_{LEDGER,RENEWAL,AUDIT,NOTIFICATION}_{OWNER,APP}; do
  if ! grep -q "^$name=" "$ENV_FILE"; then
    echo "$name=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)" >> "$ENV_FILE"
    added=$((added + 1))
  fi
done
echo "$ENV_FILE: $added password(s) added"
