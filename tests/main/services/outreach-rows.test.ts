import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { upsertBasicProfiles } from '../../../src/main/services/creator-repository'
import { createListService } from '../../../src/main/services/list-service'
import { outreachRows } from '../../../src/main/services/outreach-rows'
import { openTestDb } from '../../helpers/open-test-db'

let t: Awaited<ReturnType<typeof openTestDb>>
beforeEach(async () => {
  t = await openTestDb()
  const profiles = Array.from({ length: 3000 }, (_, i) => ({
    userId: `u${i + 1}`,
    username: `creator${i + 1}`,
    followers: 1000 + i,
  }))
  await upsertBasicProfiles(t.opened.db, 'instagram', profiles, t.clock.now().toISOString())
})
afterEach(async () => {
  await t.cleanup()
})

async function collect(query: Parameters<typeof outreachRows>[2]) {
  const rows = []
  for await (const row of outreachRows(t.opened.db, t.clock, query)) rows.push(row)
  return rows
}

describe('outreachRows', () => {
  it('streams every requested creator once, in id order, past windows that hold none', async () => {
    // Creators 1001–2000 are gone: a whole window of requested ids finds nothing.
    await t.opened.db
      .deleteFrom('creators')
      .where('id', '>', 1000)
      .where('id', '<=', 2000)
      .execute()
    const ids = Array.from({ length: 3000 }, (_, i) => 3000 - i).concat([5, 5, 99_999])
    const rows = await collect({ creatorIds: ids })
    expect(rows).toHaveLength(2000)
    expect(rows.map((r) => r.creatorId)).toEqual([
      ...Array.from({ length: 1000 }, (_, i) => i + 1),
      ...Array.from({ length: 1000 }, (_, i) => i + 2001),
    ])
    expect(rows[0]).toMatchObject({ handle: 'creator1', followers: 1000, email: null, lists: [] })
  })

  it("carries a list's notes, tags and status, and every list a creator is on", async () => {
    const lists = createListService(t.opened.db, t.clock)
    const summer = await lists.create('Summer; "launch"')
    const other = await lists.create('Other')
    await lists.addCreators(summer.id, [2, 1])
    await lists.addCreators(other.id, [1])
    await lists.updateMember({
      listId: summer.id,
      creatorId: 1,
      notes: 'call =SUM(1)',
      tags: ['vip'],
      status: 'contacted',
    })
    const rows = await collect({ listId: summer.id })
    expect(rows.map((r) => r.creatorId)).toEqual([1, 2])
    expect(rows[0]).toMatchObject({ notes: 'call =SUM(1)', tags: ['vip'], status: 'contacted' })
    expect([...rows[0]!.lists].sort()).toEqual(['Other', 'Summer; "launch"'])
    expect(rows[1]).toMatchObject({ tags: [], status: 'shortlisted', lists: ['Summer; "launch"'] })
  })
})
