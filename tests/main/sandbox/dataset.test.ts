import { describe, expect, it } from 'vitest'
import { generateDataset } from '../../../src/main/sandbox/dataset/generate-dataset'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'
import {
  CITIES,
  COUNTRIES,
  INTERESTS,
  LANGUAGES,
} from '../../../src/main/sandbox/dataset/dictionaries'
import { createRng } from '../../../src/main/sandbox/dataset/prng'

const dataset = generateDataset({ seed: 42 })
const byPlatform = (p: string) => dataset.filter((c) => c.platform === p)
const sum = (values: readonly { weight: number }[]) => values.reduce((a, v) => a + v.weight, 0)

describe('prng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRng(7)
    const b = createRng(7)
    const c = createRng(8)
    const seqA = Array.from({ length: 20 }, () => a.next())
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA)
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA)
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(1)
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)))
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })
})

describe('generateDataset', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateDataset({ seed: 42, perPlatform: 200 })).toEqual(
      generateDataset({ seed: 42, perPlatform: 200 }),
    )
    const other = generateDataset({ seed: 43, perPlatform: 200 })
    expect(other.map((c) => c.userId)).not.toEqual(
      generateDataset({ seed: 42, perPlatform: 200 }).map((c) => c.userId),
    )
  })

  // Generation speed is a benchmark figure (bench/), not a timed test.
  it('generates 3000 creators per platform by default', () => {
    expect(generateDataset({ seed: 9 })).toHaveLength(9000)
  })

  it('keeps usernames and ids unique per platform, in the platform id format', () => {
    const formats: Record<string, RegExp> = {
      instagram: /^\d{9,11}$/,
      tiktok: /^[67]\d{18}$/,
      youtube: /^UC[\w-]{22}$/,
    }
    for (const platform of ['instagram', 'tiktok', 'youtube']) {
      const creators = byPlatform(platform)
      expect(creators).toHaveLength(3000)
      expect(new Set(creators.map((c) => c.username)).size).toBe(3000)
      expect(new Set(creators.map((c) => c.userId)).size).toBe(3000)
      const format = formats[platform] ?? /^$/
      expect(creators.filter((c) => !format.test(c.userId)).map((c) => c.userId)).toEqual([])
      expect(creators.filter((c) => !/^[a-z0-9._]+$/.test(c.username))).toEqual([])
    }
  })

  // Checked as lists of offenders: one expect per creator would dominate the suite's run time.
  it('keeps metrics in realistic ranges', () => {
    const offenders = (bad: (c: SandboxCreator) => boolean) =>
      dataset.filter(bad).map((c) => `${c.platform}:${c.userId}`)
    expect(offenders((c) => c.followers < 1000 || c.followers > 5_000_000)).toEqual([])
    expect(offenders((c) => !(c.engagementRate > 0 && c.engagementRate < 0.4))).toEqual([])
    expect(
      offenders((c) => Math.abs(c.engagementRate - c.engagements / c.followers) > 1e-5),
    ).toEqual([])
    expect(offenders((c) => (c.averageViews === null) !== (c.platform === 'instagram'))).toEqual([])
    expect(offenders((c) => (c.accountType === null) !== (c.platform !== 'instagram'))).toEqual([])
    expect(
      offenders(
        (c) => c.statHistory.length !== 6 || c.statHistory.at(-1)?.followers !== c.followers,
      ),
    ).toEqual([])
    expect(
      offenders(
        (c) => c.recentPosts.length < 3 || c.recentPosts[0]?.daysAgo !== c.lastPostedDaysAgo,
      ),
    ).toEqual([])
    const followers = dataset.map((c) => c.followers).sort((a, b) => a - b)
    const median = followers[Math.floor(followers.length / 2)] ?? 0
    expect(median).toBeGreaterThan(10_000)
    expect(median).toBeLessThan(60_000)
    expect(followers.filter((f) => f > 1_000_000).length).toBeGreaterThan(0)
  })

  it('draws places, languages and interests from the dictionaries', () => {
    const countryCodes = new Set(COUNTRIES.map((c) => c.code))
    const languageCodes = new Set(LANGUAGES.map((l) => l.code))
    const interestIds = new Set(INTERESTS.map((i) => i.id))
    const cityCountry = new Map(CITIES.map((c) => [c.id, c.countryCode]))
    const bad = dataset.filter(
      (c) =>
        (c.country !== null && !countryCodes.has(c.country)) ||
        !languageCodes.has(c.language) ||
        (c.cityId !== null && cityCountry.get(c.cityId) !== c.country) ||
        c.interests.some((id) => !interestIds.has(id)),
    )
    expect(bad).toEqual([])
    const us = dataset.filter((c) => c.country === 'US').length / dataset.length
    expect(us).toBeGreaterThan(0.2)
    expect(us).toBeLessThan(0.4)
  })

  it('leaves about a tenth without a location (a live report had none)', () => {
    const unlocated = dataset.filter((c) => c.country === null)
    expect(unlocated.length / dataset.length).toBeGreaterThan(0.07)
    expect(unlocated.length / dataset.length).toBeLessThan(0.13)
    expect(
      unlocated.filter((c) => c.city !== null || c.cityId !== null || c.state !== null),
    ).toEqual([])
    // Spread over every platform, not bunched in one.
    for (const platform of ['instagram', 'tiktok', 'youtube'])
      expect(unlocated.some((c) => c.platform === platform)).toBe(true)
  })

  it('gives Instagram creators with a YouTube channel its link, some of them nothing else', () => {
    const linked = dataset.filter((c) => c.youtubeLink !== null)
    expect(linked.filter((c) => c.platform !== 'instagram' || !c.hasYouTube)).toEqual([])
    expect(dataset.filter((c) => c.hasYouTube && c.youtubeLink === null)).toEqual([])
    expect(
      linked.filter((c) => !/^https:\/\/www\.youtube\.com\/@[a-z0-9_]+$/.test(c.youtubeLink ?? '')),
    ).toEqual([])
    const onlyLink = linked.filter((c) => c.contacts.length === 0)
    expect(onlyLink.length).toBeGreaterThan(linked.length / 3)
    expect(onlyLink.length).toBeLessThan(linked.length)
  })

  it('gives audiences shares that sum to 1 and credibility in 0.5..0.95', () => {
    const bad = dataset.filter((c) => {
      const a = c.audience
      return (
        a.credibility < 0.5 ||
        a.credibility > 0.95 ||
        [a.genders, a.ages, a.geoCountries, a.languages].some(
          (l) => Math.abs(sum(l) - 1) > 0.002,
        ) ||
        (a.geoCountries[0]?.weight ?? 0) < (a.geoCountries[1]?.weight ?? 0)
      )
    })
    expect(bad.map((c) => c.audience)).toEqual([])
  })

  it('publishes an email for about 35 % and leaves about half the rest for Clay', () => {
    const withEmail = dataset.filter((c) => c.contacts.length > 0)
    const rest = dataset.filter((c) => c.contacts.length === 0)
    expect(withEmail.length / dataset.length).toBeGreaterThan(0.31)
    expect(withEmail.length / dataset.length).toBeLessThan(0.39)
    expect(withEmail.every((c) => c.clayEmail === null)).toBe(true)
    const clay = rest.filter((c) => c.clayEmail !== null).length / rest.length
    expect(clay).toBeGreaterThan(0.45)
    expect(clay).toBeLessThan(0.55)
    const emailShape = /^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/
    expect(withEmail.filter((c) => !emailShape.test(c.contacts[0]?.value ?? ''))).toEqual([])
  })

  it('writes bios and captions from the niche vocabulary', () => {
    const beauty = dataset.filter((c: SandboxCreator) => c.niche === 'beauty')
    expect(beauty.length).toBeGreaterThan(500)
    expect(beauty.filter((c) => c.interests.includes(13)).length).toBe(beauty.length)
    const skincare = beauty.filter((c) => c.recentPosts.some((p) => /skincare/.test(p.text)))
    expect(skincare.length).toBeGreaterThan(beauty.length / 3)
    expect(beauty.filter((c) => c.gender === 'FEMALE').length / beauty.length).toBeGreaterThan(0.6)
  })
})
