// The web server's database role (docs/decisions/014). Migrations, the seed and setup:city connect
// as the owner of the tables (DATABASE_URL); the server connects as `hih_app`, or a login role
// granted it, which the migration 20261130115603_audit_chain_least_privilege gives read/write on
// every table except "AuditEntry" (read and append only) and which owns nothing.
import pg from 'pg';

export const APP_ROLE = 'hih_app';

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** ownerUrl with another user and password. */
export function urlAs(ownerUrl, user, password) {
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

const LEAST = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/**
 * Lets `role` sign in with `password` on the server of ownerUrl and returns the URL to connect as
 * it. `role` is hih_app itself (npm start on the embedded server) or a login role made a member of
 * hih_app (the integration suite, which must not change the password of a real hih_app). Run it
 * after the migrations, which create hih_app and its grants. Needs CREATEROLE (the embedded
 * server's superuser has it); on another server the administrator creates the roles (README).
 */
export async function ensureAppLogin(ownerUrl, { password, role = APP_ROLE }) {
  await withClient(ownerUrl, async (c) => {
    const name = c.escapeIdentifier(role);
    const secret = c.escapeLiteral(password);
    const { rowCount } = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (rowCount) await c.query(`ALTER ROLE ${name} WITH LOGIN ${LEAST} PASSWORD ${secret}`);
    else await c.query(`CREATE ROLE ${name} WITH LOGIN ${LEAST} PASSWORD ${secret}`);
    if (role !== APP_ROLE) await c.query(`GRANT ${c.escapeIdentifier(APP_ROLE)} TO ${name}`);
  });
  return urlAs(ownerUrl, role, password);
}

/** Drops a login role made by ensureAppLogin for a test run (never hih_app itself). */
export async function dropLoginRole(ownerUrl, role) {
  if (role === APP_ROLE) throw new Error(`dropLoginRole: ${APP_ROLE} is kept`);
  await withClient(ownerUrl, (c) => c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(role)}`));
}

/**
 * Why the role behind appUrl is not fit to run the server, or null when it is: it must be no
 * superuser, own no table or function of the database, and have no way to change or remove audit
 * entries. Checked at every start, so a misconfigured APP_DATABASE_URL is refused, not trusted.
 */
export async function appRoleProblem(appUrl) {
  return withClient(appUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT r.rolname AS name, r.rolsuper AS super, r.rolbypassrls AS bypassrls,
              (SELECT count(*)::int FROM pg_class WHERE pg_has_role(current_user, relowner, 'USAGE')) AS owned_tables,
              (SELECT count(*)::int FROM pg_proc WHERE pg_has_role(current_user, proowner, 'USAGE')) AS owned_functions,
              to_regclass('"AuditEntry"') IS NOT NULL AS migrated
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const r = rows[0];
    if (r.super) return `${r.name} is a superuser`;
    if (r.bypassrls) return `${r.name} bypasses row security`;
    if (r.owned_tables) return `${r.name} owns ${r.owned_tables} relation(s) of this database (only the migrations' role may)`;
    if (r.owned_functions) return `${r.name} owns ${r.owned_functions} function(s) of this database`;
    if (!r.migrated) return `${r.name} sees no "AuditEntry" table: wrong database or schema, or migrations not applied`;
    const { rows: privs } = await c.query(
      `SELECT has_table_privilege('"AuditEntry"', 'UPDATE') OR has_table_privilege('"AuditEntry"', 'DELETE')
              OR has_table_privilege('"AuditEntry"', 'TRUNCATE') AS can_rewrite,
              has_table_privilege('"AuditEntry"', 'INSERT') AS can_append`,
    );
    if (privs[0].can_rewrite) return `${r.name} may UPDATE, DELETE or TRUNCATE "AuditEntry"`;
    if (!privs[0].can_append) return `${r.name} may not append to "AuditEntry": was it granted ${APP_ROLE}?`;
    return null;
  });
}
