#!/usr/bin/env bash
# Lints the OpenAPI document each service serves with Spectral's recommended rules (spectral:oas): 0 errors and
# 0 warnings expected. The documents are the ones the build stores (quarkus.smallrye-openapi.store-schema-directory:
# <service>/target/openapi/openapi.yaml), the same the services serve at /q/openapi; the services are built first
# when a document is missing, or always with --build. Needs Node.js (npx fetches the pinned Spectral CLI).
set -euo pipefail
cd "$(dirname "$0")/.."

SPECTRAL_VERSION="${SPECTRAL_VERSION:-6.16.3}"
SERVICES=(ledger-service renewal-service audit-service notification-service)

missing=false
for service in "${SERVICES[@]}"; do
  [[ -f "$service/target/openapi/openapi.yaml" ]] || missing=true
done
if [[ "${1:-}" == "--build" || "$missing" == true ]]; then
  ./mvnw -B -q -pl "$(IFS=,; echo "${SERVICES[*]}")" -am package -DskipTests
fi

documents=()
for service in "${SERVICES[@]}"; do
  documents+=("$service/target/openapi/openapi.yaml")
done
npx --yes "@stoplight/spectral-cli@$SPECTRAL_VERSION" lint --ruleset deploy/openapi-ruleset.yaml \
  --fail-severity warn "${documents[@]}"
