import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

/**
 * The first reservations of a billing period, from many laptops at the same moment: one of them
 * opens the period, the others use it. (A second opener once read the first's end as "the
 * period before" and failed on an empty period after it: a STORAGE error on a paid call.)
 */
describe.skipIf(skip !== null)('a new billing period', () => {
  let team: TeamDb
  beforeAll(async () => {
    team = await startTeamDb()
  })
  afterAll(async () => {
    await team?.close()
  })

  it('is opened once when many laptops reserve at once', async () => {
    for (let round = 0; round < 5; round++) {
      await team.reset() // no period yet
      const laptops = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => team.laptop(await team.manager(`m${i}`))),
      )
      const outcomes = await Promise.allSettled(
        laptops.map((l) => l.reserve('report', 1, { worstCaseMilliCredits: 1000 })),
      )
      const failed = outcomes.filter((o) => o.status === 'rejected')
      expect(failed.map((f) => String(f.reason))).toEqual([])
      const periods = await team.admin
        .selectFrom('creator_desk.periods' as never)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(periods.n)).toBe(1)
    }
  })

  it("never refuses a month's first reservations of a meter well within its limit (migration 005)", async () => {
    // The first reservation of a meter inserts its usage row; one that missed the row while it
    // was being inserted, and saw it committed a moment later, once answered "limit reached".
    for (let round = 0; round < 8; round++) {
      await team.reset()
      const laptops = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => team.laptop(await team.manager(`r${i}`))),
      )
      const outcomes = await Promise.allSettled(
        laptops.map((l) => l.reserve('discovery', 15, { worstCaseMilliCredits: 1500 })),
      )
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []))
      expect(refused).toEqual([])
    }
  })
})
