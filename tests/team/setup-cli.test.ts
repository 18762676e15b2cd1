import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseInvite } from '../../src/main/team/invite'
import { createTeamClient } from '../../src/main/team/team-client'
import { openAdmin } from '../../src/main/team/admin'
import { makeTempDir } from '../helpers/temp-dir'
import { startPgServer } from './helpers/pg-server'
import type { PgServer } from './helpers/pg-server'
import { teamTestsSkipReason } from './helpers/team-db'

const run = promisify(execFile)
const skip = teamTestsSkipReason()

/** `npm run team:setup` and `team:add-user` on an empty database, over TLS, as an admin would. */
describe.skipIf(skip !== null)('team set-up commands', () => {
  let server: PgServer
  let temp: ReturnType<typeof makeTempDir>
  let adminUrl: string
  const cli = (args: string[]) =>
    run('node', ['scripts/team-cli.mjs', ...args], {
      env: { ...process.env, TEAM_DATABASE_URL: adminUrl },
    })
  beforeAll(async () => {
    server = await startPgServer({ tls: true })
    temp = makeTempDir()
    writeFileSync(join(temp.dir, 'ca.pem'), server.caCert ?? '')
    const boot = new pg.Client({ connectionString: server.adminUrl() })
    await boot.connect()
    await boot.query('CREATE DATABASE agency')
    await boot.end()
    adminUrl = `${server.adminUrl('agency')}?sslmode=verify-full&sslrootcert=${join(temp.dir, 'ca.pem')}`
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    temp?.cleanup()
  })

  it('sets up an empty database, then adds a manager who connects with what was printed', async () => {
    const setup = await cli(['setup', '--limit', 'report=500'])
    expect(setup.stdout).toMatch(/Team database ready \(PostgreSQL 1\d/)
    expect(setup.stdout).toMatch(
      /Applied: 001-tables, 002-row-security, 003-ledger, 004-purchases, 005-reserve-race/,
    )
    const again = await cli(['setup'])
    expect(again.stdout).toMatch(/Schema already up to date/)

    const added = await cli([
      'add-user',
      'dana',
      '--host',
      'localhost',
      '--ca',
      join(temp.dir, 'ca.pem'),
    ])
    const code = /cdteam1\.[A-Za-z0-9_-]+/.exec(added.stdout)?.[0]
    expect(code).toBeDefined()
    const invite = parseInvite(code ?? '')
    expect(invite.connectionString).toBe(
      `postgresql://dana@localhost:${server.port}/agency?sslmode=verify-full`,
    )
    // The password is never stored in clear on the server.
    const admin = openAdmin(adminUrl)
    try {
      const stored = await sql<{
        p: string
      }>`SELECT rolpassword AS p FROM pg_authid WHERE rolname = 'dana'`.execute(admin)
      expect(stored.rows[0]?.p).toMatch(/^SCRAM-SHA-256\$4096:/)
      expect(stored.rows[0]?.p).not.toContain(invite.password)

      const out = makeTempDir()
      const dana = createTeamClient({ ...invite, outboxDir: out.dir })
      try {
        const status = await dana.status()
        expect(status.state).toBe('online')
        expect(status.user).toBe('dana')
        expect(status.meters.find((m) => m.meter === 'report')?.limit).toBe(500)
        const tls = await sql<{ ssl: boolean }>`
          SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a ON a.pid = s.pid
          WHERE a.usename = 'dana'`.execute(admin)
        expect(tls.rows.length).toBeGreaterThan(0)
        expect(tls.rows.every((r) => r.ssl)).toBe(true)
      } finally {
        await dana.close()
        out.cleanup()
      }

      // A certificate the laptop does not trust is refused in plain words.
      const other = makeTempDir()
      const untrusting = createTeamClient({
        connectionString: invite.connectionString,
        password: invite.password,
        outboxDir: other.dir,
      })
      try {
        await expect(untrusting.status()).rejects.toMatchObject({
          code: 'FORBIDDEN',
          details: { team: 'tls' },
        })
      } finally {
        await untrusting.close()
        other.cleanup()
      }
    } finally {
      await admin.destroy()
    }

    const twice = await cli(['add-user', 'dana']).catch((e: { stdout: string; code: number }) => e)
    expect((twice as { code: number }).code).toBe(1)
    expect((twice as { stdout: string }).stdout).toMatch(/already exists: pass --reset-password/)
  }, 60_000)
})
