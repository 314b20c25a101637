#!/usr/bin/env bash
# Run once by the postgres image's entrypoint, when the data volume is initialised (docker-compose.yml).
# One database and one login per service, each owning only its own database: a service cannot read
# another's data even by mistake. Each service's Flyway then creates its schema (orders, payments,
# callbacks) inside its database. Changing a password in .env later does not change it here: use
# ALTER ROLE ... PASSWORD (README, Production shape).
set -euo pipefail

create_database() {
  local database="$1" role="$2" password="$3"
  # psql variables (:"name", :'literal') quote identifiers and literals, so no password can break the SQL.
  psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=database="$database" --set=role="$role" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"role";
SQL
  echo "orderhub: database ${database} owned by ${role}"
}

create_database orders "$ORDER_DB_USER" "$ORDER_DB_PASSWORD"
create_database payments "$PAYMENT_DB_USER" "$PAYMENT_DB_PASSWORD"
create_database callbacks "$CALLBACK_DB_USER" "$CALLBACK_DB_PASSWORD"
create_database schema_registry "$REGISTRY_DB_USER" "$REGISTRY_DB_PASSWORD"
