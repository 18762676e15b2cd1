import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { UNREACHABLE } from '../../src/main/team/team-errors'
import { createTeamClient } from '../../src/main/team/team-client'
import { teamBuy } from '../../src/main/team/team-purchase'
import { makeTempDir } from '../helpers/temp-dir'
import { FakeProvider } from './helpers/fake-provider'
import { LostAnswer, reportOrder } from './helpers/orders'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

/** What the team ledger counts, straight from the table (as the admin). */
async function ledger(team: TeamDb, meter: string) {
  const r = await sql<{ used: string; reserved: string; used_milli: string }>`
    SELECT coalesce(sum(used), 0) AS used, coalesce(sum(reserved), 0) AS reserved,
      coalesce(sum(used_milli), 0) AS used_milli
    FROM creator_desk.usage WHERE meter = ${meter}`.execute(team.admin)
  const row = r.rows[0]
  return {
    used: Number(row?.used),
    reserved: Number(row?.reserved),
    milli: Number(row?.used_milli),
  }
}

describe.skipIf(skip !== null)('team ledger', () => {
  let team: TeamDb
  beforeAll(async () => {
    team = await startTeamDb()
  })
  afterAll(async () => {
    await team?.close()
  })
  beforeEach(async () => {
    await team.reset()
  })

  it('a burst of paid calls from three laptops never passes the team limit; the ledger equals the charges', async () => {
    await sql`SELECT creator_desk.set_limit('report', 25)`.execute(team.admin)
    const laptops = await Promise.all(
      ['ana', 'ben', 'cho'].map(async (n) => team.laptop(await team.manager(n))),
    )
    const provider = new FakeProvider(() => Math.random() * 8)
    // 3 laptops × 30 different reports at once, against a limit of 25.
    const outcomes = await Promise.all(
      laptops.flatMap((laptop, l) =>
        Array.from({ length: 30 }, (_, i) =>
          teamBuy(laptop, reportOrder(provider, `c${l}-${i}`)).then(
            () => 'bought',
            (err: unknown) => (err as AppError).code,
          ),
        ),
      ),
    )
    const bought = outcomes.filter((o) => o === 'bought').length
    expect(outcomes.every((o) => o === 'bought' || o === 'QUOTA_EXCEEDED')).toBe(true)
    expect(bought).toBe(25)
    expect(provider.totalBilled).toBe(25)
    const counted = await ledger(team, 'report')
    expect(counted).toEqual({ used: 25, reserved: 0, milli: 25_000 })
    // One audit row per purchase, costs summing to the charges.
    const audit = await sql<{ n: string; units: string }>`
      SELECT count(*) AS n, sum(cost_units) AS units FROM creator_desk.api_call_logs
      WHERE action = 'report' AND outcome = 'ok'`.execute(team.admin)
    expect(Number(audit.rows[0]?.n)).toBe(25)
    expect(Number(audit.rows[0]?.units)).toBe(25)
  })

  it('bare reservations from three laptops at once: the limit holds to the unit', async () => {
    await sql`SELECT creator_desk.set_limit('discovery', 1000)`.execute(team.admin)
    const laptops = await Promise.all(
      ['ana', 'ben', 'cho'].map(async (n) =>
        team.laptop(await team.manager(n), { maxConnections: 8 }),
      ),
    )
    // Every request settles before anything is judged: a stray failure must not leave
    // reservations running into the next test.
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        laptops[i % 3]!.reserve('discovery', 15, { worstCaseMilliCredits: 150 }).then(
          (r) => r.units,
        ),
      ),
    )
    const unexpected = results
      .filter((r) => r.status === 'rejected')
      .map((r) => r.reason as AppError)
      .filter((e) => e.code !== 'QUOTA_EXCEEDED')
      .map((e) => `${e.code}: ${e.message} ${JSON.stringify(e.details)}`)
    expect(unexpected).toEqual([])
    const reserved = results.reduce((a, r) => a + (r.status === 'fulfilled' ? r.value : 0), 0)
    expect(reserved).toBe(990) // 66 × 15: a 67th would pass 1,000
    expect(await ledger(team, 'discovery')).toEqual({ used: 0, reserved: 990, milli: 0 })
  })

  it('a per-user cap set by the admin stops one manager inside the team limit', async () => {
    const ana = await team.manager('ana')
    const ben = await team.manager('ben')
    await sql`SELECT creator_desk.set_user_cap('ana', 'report', 2)`.execute(team.admin)
    const a = team.laptop(ana)
    const b = team.laptop(ben)
    await a.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    await a.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    const refused = (await a
      .reserve('report', 1, { worstCaseMilliCredits: 1_000 })
      .catch((e: unknown) => e)) as AppError
    expect(refused.code).toBe('QUOTA_EXCEEDED')
    expect(refused.details?.scope).toBe('user')
    expect(refused.message).toMatch(/Your monthly reports cap/)
    // Ben is not capped; the refused attempt left nothing reserved.
    await b.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    expect(await ledger(team, 'report')).toEqual({ used: 0, reserved: 3, milli: 0 })
    const status = await a.status()
    expect(status.meters.find((m) => m.meter === 'report')?.mine).toEqual({
      used: 0,
      reserved: 2,
      cap: 2,
    })
  })

  it('settle and release are idempotent by reservation id', async () => {
    const a = team.laptop(await team.manager('ana'))
    const r = await a.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    await a.markSent(r)
    const audit = { provider: 'modash' as const, action: 'report', reason: 'select' }
    expect(await a.settle(r, { units: 1, milliCredits: 1_000 }, audit)).toBe('settled')
    expect(await a.settle(r, { units: 1, milliCredits: 1_000 }, audit)).toBe('already')
    expect(await a.release(r)).toBe('already')
    const r2 = await a.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    expect(await a.release(r2)).toBe('released')
    expect(await a.release(r2)).toBe('already')
    expect(await ledger(team, 'report')).toEqual({ used: 1, reserved: 0, milli: 1_000 })
  })

  it('a failed call that may have been billed is counted at its worst case; one that was not is released', async () => {
    const a = team.laptop(await team.manager('ana'))
    const provider = new FakeProvider()
    provider.failNext = () => new LostAnswer('timed out')
    await expect(teamBuy(a, reportOrder(provider, 'x1'))).rejects.toThrow('timed out')
    provider.failNext = () => new Error('refused')
    await expect(teamBuy(a, reportOrder(provider, 'x2'))).rejects.toThrow('refused')
    expect(await ledger(team, 'report')).toEqual({ used: 1, reserved: 0, milli: 1_000 })
    // Neither claim is left behind: the next laptop may buy them.
    const claims = await sql<{ n: string }>`SELECT count(*) AS n FROM creator_desk.purchase_keys
      WHERE claim_token IS NOT NULL`.execute(team.admin)
    expect(Number(claims.rows[0]?.n)).toBe(0)
  })

  it("a dead laptop's reservations expire: unsent released, sent counted at worst case, then corrected by a late settle", async () => {
    await sql`SELECT creator_desk.set_limit('report', 2)`.execute(team.admin)
    await sql`SELECT creator_desk.set_timeouts(1, 1, 1)`.execute(team.admin)
    const a = team.laptop(await team.manager('ana'))
    const b = team.laptop(await team.manager('ben'))
    const unsent = await a.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    const sent = await a.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    await a.markSent(sent)
    void unsent
    // The team is full until they expire…
    await expect(b.reserve('report', 1, { worstCaseMilliCredits: 1_000 })).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
    await new Promise((r) => setTimeout(r, 1_300))
    // …then the unsent one is given back (the sent one may have been billed: it stays counted).
    const r = await b.reserve('report', 1, { worstCaseMilliCredits: 1_000 })
    expect(r.units).toBe(1)
    expect(await ledger(team, 'report')).toEqual({ used: 1, reserved: 1, milli: 1_000 })
    // The dead laptop comes back with the answer: Modash charged nothing after all.
    expect(
      await a.settle(
        sent,
        { units: 0, milliCredits: 0 },
        { provider: 'modash', action: 'report', reason: 'select' },
      ),
    ).toBe('settled')
    expect(await ledger(team, 'report')).toEqual({ used: 0, reserved: 1, milli: 0 })
    // A reservation that ran out cannot be sent any more.
    await expect(a.markSent(unsent)).rejects.toMatchObject({ code: 'PRECONDITION' })
  })

  it('a team database that cannot be reached refuses paid calls in plain words', async () => {
    const { dir, cleanup } = makeTempDir()
    const alice = await team.manager('alice')
    const nowhere = createTeamClient({
      connectionString: alice.url.replace(`:${team.server.port}/`, ':1/'),
      password: alice.password,
      outboxDir: dir,
      connectTimeoutMs: 500,
    })
    try {
      const err = (await nowhere
        .reserve('report', 1, { worstCaseMilliCredits: 1_000 })
        .catch((e: unknown) => e)) as AppError
      expect(err).toBeInstanceOf(AppError)
      expect(err.code).toBe('PROVIDER_UNAVAILABLE')
      expect(err.message).toBe(UNREACHABLE)
      const provider = new FakeProvider()
      await expect(teamBuy(nowhere, reportOrder(provider, 'x'))).rejects.toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
      })
      expect(provider.calls).toBe(0)
      const status = await nowhere.status()
      expect(status.state).toBe('unreachable')
      expect(status.error?.message).toBe(UNREACHABLE)
    } finally {
      await nowhere.close()
      cleanup()
    }
  })

  it('a wrong password is refused as a sign-in problem, not a crash', async () => {
    const alice = await team.manager('alice')
    const { dir, cleanup } = makeTempDir()
    const wrong = createTeamClient({
      connectionString: alice.url,
      password: 'nope',
      outboxDir: dir,
    })
    try {
      await expect(
        wrong.reserve('report', 1, { worstCaseMilliCredits: 1_000 }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
        details: { team: 'sign-in' },
      })
    } finally {
      await wrong.close()
      cleanup()
    }
  })
})
