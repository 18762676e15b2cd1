import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/main/providers/modash/schemas'
import { generateDataset } from '../../../src/main/sandbox/dataset/generate-dataset'
import { buildReport } from '../../../src/main/sandbox/modash-emulator/report'
import { buildCreatorReport } from '../../../src/main/services/creator-report'
import { reportAverageViews } from '../../../src/shared/creator-report'
import { startHarness } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'

const dataset = generateDataset({ seed: 7, perPlatform: 40 })

/** A report as main stores it: the emulator's live-shaped answer, read by the real client schema. */
function stored(platform: 'instagram' | 'tiktok' | 'youtube') {
  const c = dataset.find((d) => d.platform === platform && d.country !== null)!
  const others = dataset.filter((d) => d.platform === platform && d !== c).slice(0, 3)
  const parsed = parseReport(JSON.parse(JSON.stringify(buildReport(c, others))), c.userId)
  if (!parsed.success) throw new Error('the emulator report did not parse')
  return { c, profile: JSON.parse(JSON.stringify(parsed.data.profile)) as unknown }
}

describe('buildCreatorReport', () => {
  it('carries every section a live report holds, in plain words', () => {
    const { c, profile } = stored('instagram')
    const r = buildCreatorReport(profile)!
    expect(r.providerId).toBe(c.userId)
    expect(r.handle).toBe(c.username)
    expect(r.followers).toBe(c.followers)
    expect(r.bio).toBe(c.bio)
    expect(r.city).toBe(c.city)
    expect(r.country).toBe(c.country)
    expect(r.avgReelsPlays).toBe(c.avgReelsPlays === 0 ? null : c.avgReelsPlays)
    expect(r.language?.code).toBe(c.language)
    expect(['Regular', 'Business', 'Creator', null]).toContain(r.accountType)
    expect(r.interests.length).toBe(c.interests.length)
    expect(r.brandAffinity.length).toBe(c.brands.length)
    expect(r.hashtags.map((h) => h.tag)).toEqual(c.hashtags)
    expect(r.history.length).toBe(c.statHistory.length)
    expect(r.history.map((m) => m.month)).toEqual([...r.history.map((m) => m.month)].sort())
    expect(r.lookalikes).toHaveLength(3)
    expect(r.lookalikes[0]?.handle).toBeTruthy()
    expect(r.byContentType.map((s) => s.label)).toContain('All content')
    expect(r.recentPosts.length).toBe(c.recentPosts.length)
    const a = r.audience!
    expect(a.credibility).toBe(c.audience.credibility)
    expect(a.countries[0]?.weight).toBeGreaterThanOrEqual(a.countries[1]?.weight ?? 0)
    expect(a.cities.length).toBeGreaterThan(0)
    expect(a.languages.length).toBeGreaterThan(0)
    expect(a.interests.length).toBeGreaterThan(0)
    expect(a.genders.map((g) => g.label)).toEqual(expect.arrayContaining(['Female', 'Male']))
    expect(a.ages.map((g) => g.label)).toContain('18–24')
    expect(a.types.map((t) => t.label)).toContain('Real people')
    expect(a.reachability.map((t) => t.label)).toContain('Follow under 500')
    expect(r.audienceLikers).not.toBeNull()
    expect(reportAverageViews(r)).not.toBeNull()
  })

  it('reads TikTok and YouTube views', () => {
    for (const platform of ['tiktok', 'youtube'] as const) {
      const { c, profile } = stored(platform)
      expect(buildCreatorReport(profile)?.avgViews).toBe(c.averageViews)
    }
  })

  it('leaves out what cannot be trusted rather than showing it wrong', () => {
    const r = buildCreatorReport({
      userId: 42,
      profile: { username: 'odd', followers: -5, engagementRate: 'NaN' },
      bio: '   ',
      statHistory: [{ month: 'soon', followers: 3 }, { month: '2025-02', followers: 9 }, 'x'],
      audience: {
        credibility: 7,
        geoCountries: [{ name: 'France', weight: 1.5 }, { name: 'Spain', weight: 0.2 }, null],
      },
      contacts: [{ type: 'email' }, { type: 'email', value: 'a@b.co' }],
      lookalikes: [{ profile: { username: 'no-id' } }],
    })!
    expect(r.providerId).toBe('42')
    expect(r.followers).toBeNull()
    expect(r.engagementRate).toBeNull()
    expect(r.bio).toBeNull()
    expect(r.history).toEqual([
      { month: '2025-02', followers: 9, following: null, avgLikes: null, avgViews: null },
    ])
    expect(r.audience?.credibility).toBeNull()
    expect(r.audience?.countries.map((s) => s.label)).toEqual(['Spain'])
    expect(r.contacts).toEqual([{ type: 'email', value: 'a@b.co' }])
    expect(r.lookalikes).toEqual([])
    expect(buildCreatorReport('not a report')).toBeNull()
  })
})

describe('what the core hands the renderer', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness({ clay: { pollsUntilDone: 1 } })
  })
  afterEach(async () => {
    await h.close()
  })

  it('a bought report is typed, results say which list a creator is on and what is known of the email', async () => {
    const page = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
    const [first, second] = page.creators
    expect(first?.lists).toEqual([])
    const bought = await h.core.creators.select(first!.id)
    expect(bought.report?.audience?.countries.length).toBeGreaterThan(0)
    expect(bought.report?.history.length).toBeGreaterThan(0)
    expect(bought.creator.credibility).toBe(bought.report?.audience?.credibility)

    const list = await h.core.lists.create('Shortlist')
    await h.core.lists.addCreators(list.id, [first!.id, second!.id])
    const again = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
    expect(again.creators.find((c) => c.id === second!.id)?.lists).toEqual([
      { id: list.id, name: 'Shortlist' },
    ])
    expect((await h.core.creators.get(first!.id)).creator.lists).toEqual([
      { id: list.id, name: 'Shortlist' },
    ])
    expect(again.creators.find((c) => c.id === second!.id)).toMatchObject({
      emailNotFoundUntil: null,
    })
  })

  it('exports average views for Instagram from the report', async () => {
    const page = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
    const withReport = page.creators.slice(0, 3)
    for (const c of withReport) await h.core.creators.select(c.id)
    const rows = []
    for await (const row of h.core.creators.outreachRows({
      creatorIds: withReport.map((c) => c.id),
    }))
      rows.push(row)
    for (const row of rows) {
      const truth = h.dataset.find((d) => d.platform === 'instagram' && d.username === row.handle)!
      expect(row.averageViews).toBe(truth.avgReelsPlays || null)
    }
    expect(rows.some((r) => r.averageViews !== null)).toBe(true)
  })
})
