import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/database'
import type { OpenedDatabase } from '../../src/main/db/database'
import { findCachedPage } from '../../src/main/services/search-cache'
import { teamReportKey, teamSearchKey } from '../../src/main/team/keys'
import { DEFAULT_APPLIERS } from '../../src/main/team/offline-appliers'
import { syncOfflineCopy } from '../../src/main/team/offline-copy'
import { teamBuy } from '../../src/main/team/team-purchase'
import type { TeamClient } from '../../src/main/team/team-client'
import type { TeamEvent } from '../../src/main/team/types'
import { makeTempDir } from '../helpers/temp-dir'
import { FakeProvider, reportBody, searchBody } from './helpers/fake-provider'
import { reportOrder } from './helpers/orders'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { Manager, TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

/** The publish_purchase payload of a free purchase (no reservation), for raw transactions. */
function freePurchase(key: string, raw: unknown, context: unknown, kind = 'report') {
  return JSON.stringify({
    id: randomUUID(),
    key,
    kind,
    provider: 'modash',
    meter: kind === 'search' ? 'discovery' : 'report',
    context,
    raw: JSON.stringify(raw),
    units: 0,
    milliCredits: 0,
    reservationId: null,
    audit: { provider: 'modash', action: kind, reason: 'test' },
  })
}

async function pullAll(client: TeamClient, cursor: string | null) {
  const keys: string[] = []
  let next = cursor
  for (;;) {
    const page = await client.pull(next, { limit: 3 })
    keys.push(...page.changes.map((c) => c.purchase.key))
    next = page.cursor
    if (!page.more) return { keys, cursor: next }
  }
}

describe.skipIf(skip !== null)('team change feed and offline copies', () => {
  let team: TeamDb
  let ana: Manager
  let ben: Manager
  beforeAll(async () => {
    team = await startTeamDb()
    ana = await team.manager('ana')
    ben = await team.manager('ben')
  })
  afterAll(async () => {
    await team?.close()
  })
  beforeEach(async () => {
    await team.reset()
  })

  it('a transaction that commits late is still pulled (the cursor never skips it)', async () => {
    const reader = team.laptop(ben)
    const { cursor: start } = await pullAll(reader, null)
    // A takes its place in the feed first and stays open; B comes after it and commits first.
    const slow = await team.raw(ana)
    await slow.query('BEGIN')
    await slow.query('SELECT * FROM creator_desk.publish_purchase($1::jsonb)', [
      freePurchase('report:instagram:late', reportBody('late'), {
        platform: 'instagram',
        providerId: 'late',
      }),
    ])
    const fast = await team.raw(ana)
    await fast.query('SELECT * FROM creator_desk.publish_purchase($1::jsonb)', [
      freePurchase('report:instagram:early', reportBody('early'), {
        platform: 'instagram',
        providerId: 'early',
      }),
    ])
    const seqs = await sql<{ purchase_key: string; seq: string }>`
      SELECT purchase_key, seq FROM creator_desk.purchases ORDER BY seq`.execute(team.admin)
    // Only the committed one is visible to the admin, with the later sequence number.
    expect(seqs.rows.map((r) => r.purchase_key)).toEqual(['report:instagram:early'])

    const whileOpen = await pullAll(reader, start)
    await slow.query('COMMIT')
    const afterCommit = await pullAll(reader, whileOpen.cursor)
    const seen = [...whileOpen.keys, ...afterCommit.keys]
    expect(seen.sort()).toEqual(['report:instagram:early', 'report:instagram:late'])
    // Each exactly once, and nothing more afterwards.
    expect((await pullAll(reader, afterCommit.cursor)).keys).toEqual([])
    const bySeq = await sql<{ purchase_key: string }>`
      SELECT purchase_key FROM creator_desk.purchases ORDER BY seq`.execute(team.admin)
    expect(bySeq.rows.map((r) => r.purchase_key)).toEqual([
      'report:instagram:late',
      'report:instagram:early',
    ])
  })

  it('pushes: a teammate publishing wakes the other laptops, and the quota meter moves', async () => {
    const a = team.laptop(ana)
    const b = team.laptop(ben)
    const events: TeamEvent[] = []
    const connected = new Promise<void>((resolve) => {
      b.onChange((e) => {
        events.push(e)
        if (e.type === 'connected') resolve()
      })
    })
    await connected
    const before = await b.status()
    expect(before.live).toBe(true)
    await teamBuy(a, reportOrder(new FakeProvider(), 'pushed'))
    await expect
      .poll(() => events.some((e) => e.type === 'purchase'), { timeout: 3_000 })
      .toBe(true)
    const purchase = events.find((e) => e.type === 'purchase')
    expect(purchase).toMatchObject({ key: teamReportKey('instagram', 'pushed'), meter: 'report' })
    const after = await b.status()
    expect(after.meters.find((m) => m.meter === 'report')?.used).toBe(
      (before.meters.find((m) => m.meter === 'report')?.used ?? 0) + 1,
    )
  })

  it('a laptop offline for a day catches up into its SQLite copy and then works offline', async () => {
    const a = team.laptop(ana)
    const c = team.laptop(ben)
    const { dir, cleanup } = makeTempDir()
    let local: OpenedDatabase | null = null
    try {
      local = await openDatabase({ dataDir: dir })
      // Ben's laptop pulled once, then went away for a day.
      await syncOfflineCopy({ client: c, db: local.db, appliers: DEFAULT_APPLIERS })
      // Meanwhile Ana bought 12 search pages and 20 reports.
      for (let page = 0; page < 12; page++) {
        const ids = Array.from({ length: 15 }, (_, i) => `p${page}-${i}`)
        await a.publishPurchase({
          id: randomUUID(),
          key: teamSearchKey('instagram', 'h1', page),
          kind: 'search',
          provider: 'modash',
          meter: 'discovery',
          context: { platform: 'instagram', hash: 'h1', page, canonical: {} },
          raw: searchBody(ids),
          units: 0,
          milliCredits: 0,
          reservationId: null,
          audit: { provider: 'modash', action: 'search', reason: 'search' },
        })
      }
      const provider = new FakeProvider(() => 0)
      for (let i = 0; i < 20; i++) await teamBuy(a, reportOrder(provider, `p${i % 12}-${i}`))

      const first = await syncOfflineCopy({
        client: c,
        db: local.db,
        appliers: DEFAULT_APPLIERS,
        pageSize: 7,
      })
      expect(first).toMatchObject({ applied: 32, skipped: 0, unreadable: 0 })
      // Offline now: everything the team bought is in the file.
      await c.close()
      for (let page = 0; page < 12; page++) {
        const cached = await findCachedPage(local.db, 'instagram', 'h1', page)
        expect(cached?.creators).toHaveLength(15)
      }
      const reported = await local.db
        .selectFrom('creators')
        .select(['provider_id', 'has_detailed_profile', 'email'])
        .where('has_detailed_profile', '=', 1)
        .execute()
      expect(reported).toHaveLength(20)
      expect(reported.every((r) => r.email === `${r.provider_id}@example.com`)).toBe(true)
      // The local ledger was not charged for what the team bought.
      const charges = await local.db.selectFrom('ledger_charges').selectAll().execute()
      expect(charges).toEqual([])

      // Back online: a second sync applies nothing twice.
      const again = team.laptop(ben)
      const second = await syncOfflineCopy({
        client: again,
        db: local.db,
        appliers: DEFAULT_APPLIERS,
      })
      expect(second.applied).toBe(0)
    } finally {
      await local?.close()
      cleanup()
    }
  })
})
