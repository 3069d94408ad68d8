#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded on these machines.
# `prisma generate`, `validate` and `format` only check that the file exists. Stock `prisma migrate`
# and `prisma db` fail with "Schema engine error": use npm run db:migrate / db:deploy instead.
echo "schema-engine stub: Prisma's native schema engine is not installed; use npm run db:migrate -- --name <name> / npm run db:deploy (scripts/db/migrate.mjs)" >&2
exit 1
