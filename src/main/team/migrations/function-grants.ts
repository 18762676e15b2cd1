import { TEAM_ROLES as R, TEAM_SCHEMA as S } from '../names'

/**
 * Grants for functions a migration creates. PostgreSQL lets PUBLIC execute every new function
 * unless told otherwise, so each one is revoked from PUBLIC first, then granted to the roles
 * that may call it; private helpers are granted to no one (the ledger, their owner, calls them).
 */
export function grants(
  manager: readonly string[],
  admin: readonly string[],
  internal: readonly string[],
): string {
  return [
    ...[...manager, ...admin, ...internal].map(
      (f) => `REVOKE ALL ON FUNCTION ${S}.${f} FROM PUBLIC;`,
    ),
    ...manager.map((f) => `GRANT EXECUTE ON FUNCTION ${S}.${f} TO ${R.manager};`),
    ...admin.map((f) => `GRANT EXECUTE ON FUNCTION ${S}.${f} TO ${R.admin};`),
  ].join('\n')
}
