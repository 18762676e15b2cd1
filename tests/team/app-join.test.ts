import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DATABASE_FILE } from '../../src/main/db/database'
import type { SecretBackend } from '../../src/main/keychain'
import { startModashEmulator } from '../../src/main/sandbox/modash-emulator'
import type { ModashEmulator } from '../../src/main/sandbox/modash-emulator'
import { addManager } from '../../src/main/team/admin'
import { TEAM_PASSWORD_ACCOUNT, formatInvite } from '../../src/main/team/invite'
import { UNREACHABLE } from '../../src/main/team/team-errors'
import type { QuotaStatus, TeamMeterUsage } from '../../src/shared/domain'
import type { SearchFilters } from '../../src/shared/search-filters'
import { testDataset } from '../helpers/core-harness'
import { makeTempDir } from '../helpers/temp-dir'
import { captureOutput } from '../reliability/helpers/capture-output'
import { memoryKeychain } from '../reliability/helpers/memory-keychain'
import { missingKeychain, startAppLaptop, testKeychain } from './helpers/app-laptop'
import type { AppLaptop } from './helpers/app-laptop'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

/**
 * Team mode set up the way a talent manager does it: the invitation `team:add-user` printed,
 * pasted into Settings → Team, through the app's own composition root and handler table, on a
 * real PostgreSQL, the Modash emulator, real SQLite files and (under scripts/with-keyring.sh)
 * the real OS keychain.
 */

const skip = teamTestsSkipReason()
const TOKEN = `mdsh_${randomBytes(8).toString('hex')}`
const teammatesPage: SearchFilters = { influencer: { followers: { min: 30_000 } } }
const myPage: SearchFilters = { influencer: { followers: { min: 60_000 } } }
const unboughtPage: SearchFilters = { influencer: { followers: { min: 90_000 } } }
const search = (filters: SearchFilters) => ({ platform: 'instagram' as const, filters, page: 0 })
const teamMeter = (quota: QuotaStatus, meter: string): TeamMeterUsage | undefined =>
  quota.team?.meters.find((m) => m.meter === meter)

describe.skipIf(skip !== null)('joining a team from Settings → Team', () => {
  let team: TeamDb
  let modash: ModashEmulator
  let output: ReturnType<typeof captureOutput>
  const temp = makeTempDir('creator-desk-join-')
  const keychain = testKeychain()
  const secrets: string[] = []
  const laptops: AppLaptop[] = []
  let dana: AppLaptop
  let danaInvite: string

  const laptop = async (
    name: string,
    options: {
      secrets?: () => SecretBackend
      env?: Record<string, string>
      teamUrlFromEnv?: boolean
    } = {},
  ) => {
    const started = await startAppLaptop({
      dataDir: join(temp.dir, name),
      modashUrl: modash.baseUrl,
      modashToken: TOKEN,
      ...options,
    })
    laptops.push(started)
    return started
  }
  const invite = async (name: string) => {
    const made = await addManager(team.adminUrl, name)
    secrets.push(made.password, made.invite)
    return made
  }
  const searches = () => modash.calls().filter((c) => c.route === 'search').length

  beforeAll(async () => {
    output = captureOutput()
    team = await startTeamDb()
    modash = await startModashEmulator({
      dataset: testDataset(),
      tokens: { [TOKEN]: 1_000_000_000 },
      rateLimit: false,
    })
    dana = await laptop('dana', { secrets: () => keychain.backend })
  }, 60_000)
  afterAll(async () => {
    output?.restore()
    for (const l of laptops.reverse()) await l.close().catch(() => undefined)
    await modash?.close()
    await team?.close()
    keychain.backend.delete(TEAM_PASSWORD_ACCOUNT)
    temp.cleanup()
  })

  it('refuses what is not an invitation, a wrong password and an unreachable server, in plain words', async () => {
    const garbage = `cdteam1.${randomBytes(30).toString('base64url')}`
    const notOne = await dana.call('team:join', { invite: garbage })
    expect(notOne).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('not a Creator Desk team invitation') as unknown,
        details: { team: 'invite' },
      },
    })
    expect(JSON.stringify(notOne)).not.toContain(garbage.slice(8))

    const made = await invite('dana')
    danaInvite = made.invite
    const wrong = formatInvite({ connectionString: made.connectionString, password: 'not-it' })
    expect(await dana.call('team:join', { invite: wrong })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { team: 'sign-in' } },
    })

    const closed = `postgresql://dana@127.0.0.1:${await closedPort()}/team`
    const nowhere = formatInvite({ connectionString: closed, password: made.password })
    const unreachable = await dana.call('team:join', { invite: nowhere })
    expect(unreachable).toMatchObject({
      ok: false,
      error: {
        code: 'PROVIDER_UNAVAILABLE',
        message: expect.stringContaining(
          'cannot be reached, so the team was not joined',
        ) as unknown,
        details: { team: 'unreachable' },
      },
    })
    expect(JSON.stringify(unreachable)).not.toContain(made.password)

    // Nothing was kept of any of them: still solo, no address, no password.
    expect(await dana.ok('team:status', {})).toEqual({ mode: 'solo' })
    expect(settingsRows(dana)).not.toHaveProperty('team.connection')
    expect(keychain.backend.get(TEAM_PASSWORD_ACCOUNT)).toBeNull()
    expect((await dana.ok('usage:quota', {})).team).toBeUndefined()
  })

  it('joins with the invitation: password in the keychain only, address in settings, paid calls through the team at once', async () => {
    const joined = await dana.ok('team:join', { invite: `  ${danaInvite}\n` })
    expect(joined).toMatchObject({
      mode: 'team',
      user: 'dana',
      server: `127.0.0.1:${team.server.port}/team`,
      from: 'settings',
      state: 'online',
      outboxWaiting: 0,
    })
    const password = secrets[0] ?? ''
    expect(keychain.backend.get(TEAM_PASSWORD_ACCOUNT)).toBe(password)
    const stored = JSON.parse(String(settingsRows(dana)['team.connection'])) as unknown
    expect(stored).toEqual({
      connectionString: `postgresql://dana@127.0.0.1:${team.server.port}/team`,
    })

    // No restart: the next paid call is counted on the team's ledger, not this laptop's.
    const bought = await dana.ok('creators:search', search(myPage))
    expect(bought).toMatchObject({ source: 'provider', resultsCharged: 15 })
    const quota = await dana.ok('usage:quota', {})
    expect(quota.meters.find((m) => m.meter === 'discovery')?.used).toBe(0)
    expect(quota.team).toMatchObject({ user: 'dana', state: 'online' })
    expect(teamMeter(quota, 'discovery')).toMatchObject({
      used: 15,
      reserved: 0,
      limit: 140_000,
      mine: { used: 15, reserved: 0, cap: null },
    })
  })

  it('starts again in team mode from what was kept, without asking', async () => {
    await dana.close()
    laptops.splice(laptops.indexOf(dana), 1)
    dana = await laptop('dana', { secrets: () => keychain.backend })
    await vi.waitFor(
      async () => expect(await dana.ok('team:status', {})).toMatchObject({ live: true }),
      { timeout: 10_000, interval: 100 },
    )
    expect(await dana.ok('team:status', {})).toMatchObject({
      mode: 'team',
      user: 'dana',
      state: 'online',
    })
  })

  it("pulls a teammate's purchase into this laptop's copy, moves the meter, and serves it offline", async () => {
    const eliInvite = await invite('eli')
    const eli = await laptop('eli', { secrets: memoryKeychain })
    await eli.ok('team:join', { invite: eliInvite.invite })
    // Read now, so what follows must come from the team's push, not from a stale cache.
    const before = await dana.ok('usage:quota', {})
    expect(teamMeter(before, 'discovery')?.used).toBe(15)

    const bought = await eli.ok('creators:search', search(teammatesPage))
    expect(bought).toMatchObject({ source: 'provider', resultsCharged: 15 })
    // Eli's copy also holds Dana's earlier purchase (pulled when joining): take the new one.
    const danaHad = new Set(purchaseIds(dana))
    const eliPurchase = purchaseIds(eli).find((id) => !danaHad.has(id))
    expect(eliPurchase).toBeDefined()

    await vi.waitFor(() => expect(purchaseIds(dana)).toContain(eliPurchase), {
      timeout: 10_000,
      interval: 50,
    })
    const status = await dana.ok('team:status', {})
    expect(status.lastPull?.applied).toBeGreaterThanOrEqual(1)
    await vi.waitFor(
      async () =>
        expect(teamMeter(await dana.ok('usage:quota', {}), 'discovery')).toMatchObject({
          used: 30,
          mine: { used: 15 },
        }),
      { timeout: 10_000, interval: 50 },
    )

    // A charge settled on the ledger with no purchase to pull is announced by a 'usage' push
    // alone (a lost answer counted, say), and moves the meter too.
    const eliLaptop = team.laptop({
      name: 'eli',
      url: eliInvite.connectionString,
      password: eliInvite.password,
    })
    const held = await eliLaptop.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    await eliLaptop.settle(
      held,
      { units: 1, milliCredits: 1_000 },
      { provider: 'modash', action: 'report', reason: 'select', outcome: 'timeout' },
    )
    await vi.waitFor(
      async () =>
        expect(teamMeter(await dana.ok('usage:quota', {}), 'report')).toMatchObject({
          used: 1,
          reserved: 0,
          mine: { used: 0, reserved: 0 },
        }),
      { timeout: 10_000, interval: 50 },
    )

    // The team database goes away: the teammate's page is this laptop's now, free and offline.
    const callsBefore = searches()
    await team.server.stop()
    const offline = await dana.ok('creators:search', search(teammatesPage))
    expect(offline).toMatchObject({ source: 'cache', resultsCharged: 0 })
    expect(offline.creators.map((c) => c.providerId)).toEqual(
      bought.creators.map((c) => c.providerId),
    )
    expect(searches()).toBe(callsBefore)

    // Anything to buy is refused plainly, nothing charged; the meter shows its last values.
    expect(await dana.call('creators:search', search(unboughtPage))).toMatchObject({
      ok: false,
      error: {
        code: 'PROVIDER_UNAVAILABLE',
        message: UNREACHABLE,
        details: { team: 'unreachable' },
      },
    })
    expect(searches()).toBe(callsBefore)
    await vi.waitFor(
      async () => {
        const quota = await dana.ok('usage:quota', {})
        expect(quota.team).toMatchObject({ state: 'unreachable' })
        expect(teamMeter(quota, 'discovery')).toMatchObject({ used: 30 })
      },
      { timeout: 10_000, interval: 50 },
    )
    expect(await dana.ok('team:status', {})).toMatchObject({
      mode: 'team',
      state: 'unreachable',
      error: { code: 'PROVIDER_UNAVAILABLE' },
    })
    await team.server.start()
  }, 60_000)

  it('leaves: back to solo, password and address forgotten, paid calls on the local ledger', async () => {
    expect(await dana.ok('team:leave', {})).toEqual({ mode: 'solo' })
    expect(keychain.backend.get(TEAM_PASSWORD_ACCOUNT)).toBeNull()
    expect(settingsRows(dana)).not.toHaveProperty('team.connection')
    expect(await dana.ok('team:status', {})).toEqual({ mode: 'solo' })

    const solo = await dana.ok('creators:search', search(unboughtPage))
    expect(solo).toMatchObject({ source: 'provider', resultsCharged: 15 })
    const quota = await dana.ok('usage:quota', {})
    expect(quota.team).toBeUndefined()
    expect(quota.meters.find((m) => m.meter === 'discovery')?.used).toBe(15)
    // The team's ledger did not see the solo purchase.
    const onTeam = await sql<{ used: string }>`
      SELECT coalesce(sum(used), 0)::text AS used FROM creator_desk.usage
      WHERE meter = 'discovery'`.execute(team.admin)
    expect(onTeam.rows[0]?.used).toBe('30')
  })

  it('with no keychain, refuses to join unless TEAM_DATABASE_PASSWORD is set for the run', async () => {
    const fay = await invite('fay')
    const bare = await laptop('fay', { secrets: missingKeychain })
    expect(await bare.call('team:join', { invite: fay.invite })).toMatchObject({
      ok: false,
      error: {
        code: 'PRECONDITION',
        message: expect.stringContaining('No usable keychain') as unknown,
        details: { team: 'keychain' },
      },
    })
    expect(settingsRows(bare)).not.toHaveProperty('team.connection')

    const withEnv = await laptop('fay-env', {
      secrets: missingKeychain,
      env: { TEAM_DATABASE_PASSWORD: fay.password },
    })
    expect(await withEnv.ok('team:join', { invite: fay.invite })).toMatchObject({
      mode: 'team',
      user: 'fay',
      state: 'online',
    })
  })

  it('the browser preview takes its team from TEAM_DATABASE_URL for the run', async () => {
    const gus = await invite('gus')
    const env = { TEAM_DATABASE_URL: gus.connectionString, TEAM_DATABASE_PASSWORD: gus.password }
    // The Electron app does not read the address from the environment (an admin's shell may
    // hold the admin's TEAM_DATABASE_URL); the preview does.
    const electron = await laptop('gus-electron', { secrets: missingKeychain, env })
    expect(await electron.ok('team:status', {})).toEqual({ mode: 'solo' })

    const preview = await laptop('gus-preview', {
      secrets: missingKeychain,
      env,
      teamUrlFromEnv: true,
    })
    expect(await preview.ok('team:status', {})).toMatchObject({
      mode: 'team',
      user: 'gus',
      from: 'environment',
      state: 'online',
    })
    expect(await preview.call('team:leave', {})).toMatchObject({
      ok: false,
      error: {
        code: 'PRECONDITION',
        message: expect.stringContaining('TEAM_DATABASE_URL') as unknown,
      },
    })
    const bought = await preview.ok('creators:search', search(unboughtPage))
    // Dana bought this page solo after leaving: for the team it is new, and Gus's to buy.
    expect(bought).toMatchObject({ source: 'provider', resultsCharged: 15 })
    expect(teamMeter(await preview.ok('usage:quota', {}), 'discovery')).toMatchObject({
      used: 45,
      mine: { used: 15 },
    })
    expect(settingsRows(preview)).not.toHaveProperty('team.connection')
  })

  it('never shows the password or the invitation: not in answers, files or anything printed', async () => {
    for (const l of laptops) await l.services.session.core.usage.quota().catch(() => undefined)
    const printed = output.text()
    const answers = laptops.flatMap((l) => l.answers).join('\n')
    const files = laptops.map((l) => filesUnder(l.dataDir)).join('\n')
    expect(secrets.length).toBeGreaterThanOrEqual(6)
    for (const secret of secrets) {
      expect(answers).not.toContain(secret)
      expect(printed).not.toContain(secret)
      expect(files).not.toContain(secret)
    }
  })
})

function settingsRows(laptop: AppLaptop): Record<string, unknown> {
  const db = new BetterSqlite3(join(laptop.dataDir, DATABASE_FILE), { readonly: true })
  try {
    const rows = db.prepare('SELECT key, value_json FROM settings').all() as {
      key: string
      value_json: string
    }[]
    return Object.fromEntries(rows.map((r) => [r.key, r.value_json]))
  } finally {
    db.close()
  }
}

function purchaseIds(laptop: AppLaptop): string[] {
  const db = new BetterSqlite3(join(laptop.dataDir, DATABASE_FILE), { readonly: true })
  try {
    return (
      db.prepare('SELECT id FROM purchases ORDER BY stored_at').all() as { id: string }[]
    ).map((r) => r.id)
  } finally {
    db.close()
  }
}

/** Every file of a data folder (database, its WAL, outbox, backups), as text. */
function filesUnder(dir: string): string {
  if (!existsSync(dir)) return ''
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path).toString('latin1')
    })
    .join('\n')
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 9
  await new Promise((resolve) => server.close(resolve))
  return port
}
