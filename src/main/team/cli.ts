import { readFileSync } from 'node:fs'
import type { Meter } from '../../shared/domain'
import { isAppError } from '../../shared/errors'
import { addManager, setupTeamDatabase } from './admin'

const METERS: readonly Meter[] = ['discovery', 'report', 'enrichment']

const USAGE = `Usage:
  TEAM_DATABASE_URL=postgresql://admin:…@host:5432/db npm run team:setup [-- --limit report=1400 …]
  TEAM_DATABASE_URL=… npm run team:add-user -- <name> [--admin] [--reset-password] [--host <public host>] [--ca <ca.pem>]`

/**
 * `npm run team:setup` and `npm run team:add-user`: the admin's two commands. TEAM_DATABASE_URL
 * is an admin connection (a superuser, or a role with CREATEROLE that owns the database).
 * Returns the exit code; errors are printed in plain words, never as a stack.
 */
export async function runTeamCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<number> {
  const [command, ...rest] = argv
  const url = env.TEAM_DATABASE_URL
  if (!url || (command !== 'setup' && command !== 'add-user')) {
    print(url ? USAGE : `TEAM_DATABASE_URL is not set.\n${USAGE}`)
    return 2
  }
  try {
    if (command === 'setup') {
      const limits: Partial<Record<Meter, number | null>> = {}
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] !== '--limit') continue
        const [meter, value] = (rest[++i] ?? '').split('=')
        if (!METERS.includes(meter as Meter) || !/^(\d+|none)$/.test(value ?? '')) {
          print(`--limit takes meter=number or meter=none (meters: ${METERS.join(', ')}).`)
          return 2
        }
        limits[meter as Meter] = value === 'none' ? null : Number(value)
      }
      const report = await setupTeamDatabase(url, { limits })
      print(`Team database ready (PostgreSQL ${report.serverVersion}).`)
      print(
        report.applied.length === 0
          ? 'Schema already up to date.'
          : `Applied: ${report.applied.join(', ')}.`,
      )
      if (report.partitions.length > 0) {
        print(`Audit log partitions added: ${report.partitions.length}.`)
      }
      print('Next: npm run team:add-user -- <name>, once per talent manager.')
      return 0
    }
    const name = rest.find(
      (a, i) => !a.startsWith('--') && !['--host', '--ca'].includes(rest[i - 1] ?? ''),
    )
    if (name === undefined) {
      print(USAGE)
      return 2
    }
    const flag = (f: string) => rest.includes(f)
    const value = (f: string) => {
      const i = rest.indexOf(f)
      return i >= 0 ? rest[i + 1] : undefined
    }
    const ca = value('--ca')
    const made = await addManager(url, name, {
      admin: flag('--admin'),
      resetPassword: flag('--reset-password'),
      publicHost: value('--host'),
      caCertificate: ca === undefined ? undefined : readFileSync(ca, 'utf8'),
    })
    print(`Manager "${made.user}" ${flag('--reset-password') ? 'has a new password' : 'created'}.`)
    print('')
    print('Paste this line into Creator Desk (Settings → Team → Join team):')
    print('')
    print(`  ${made.invite}`)
    print('')
    print('Or enter it by hand:')
    print(`  Team database: ${made.connectionString}`)
    print(`  Password:      ${made.password}`)
    print('')
    print('The app keeps the password in the OS keychain. It is shown only now: send it privately.')
    return 0
  } catch (err) {
    print(isAppError(err) ? err.message : `Failed: ${(err as Error).message}`)
    return 1
  }
}
