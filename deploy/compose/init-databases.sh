#!/usr/bin/env bash
# Runs once, when the postgres volume is new (docker-entrypoint-initdb.d), as the administrator. Per service database
# (docs/security.md): an owner role that owns the schema and runs the migrations, a runtime role that owns nothing
# and gets its rights from the migrations, and a database only these two may connect to. Passwords from .env
# (make-passwords.sh). Local stack and tests do the same: local-stack Databases, test-support PostgresTestResource.
set -euo pipefail
for db in ledger renewal audit notification; do
  owner_password_var="DB_PASSWORD_${db^^}_OWNER"
  app_password_var="DB_PASSWORD_${db^^}_APP"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$db" -v owner="${db}_owner" -v app="${db}_app" \
       -v owner_password="${!owner_password_var:?run deploy/compose/make-passwords.sh}" \
       -v app_password="${!app_password_var:?run deploy/compose/make-passwords.sh}" <<'SQL'
create role :"owner" login password :'owner_password';
create role :"app" login password :'app_password';
create database :"db" owner :"owner";
revoke all on database :"db" from public;
grant connect on database :"db" to :"app";
SQL
done
