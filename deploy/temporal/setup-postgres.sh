#!/bin/sh
# Creates Temporal's two databases and applies their schemas (idempotent: safe on every `docker compose up`).
set -eu
tool="temporal-sql-tool --plugin postgres12 --ep postgresql -u temporal -p 5432"
for db in temporal temporal_visibility; do
  case $db in
    temporal) schema=/etc/temporal/schema/postgresql/v12/temporal/versioned ;;
    *) schema=/etc/temporal/schema/postgresql/v12/visibility/versioned ;;
  esac
  $tool --db "$db" create || true
  $tool --db "$db" setup-schema -v 0.0 || true
  $tool --db "$db" update-schema -d "$schema"
done
echo 'Temporal schemas ready'
