import type { SandboxCreator } from '../dataset/generate-dataset'
import type { DatasetIndex } from './dataset-index'
import type { Predicate } from './predicate'
import type { AudienceFilters } from './search-schema'

/** Age band edges; the open top band runs to infinity. */
export const AGE_GROUP_BOUNDS: Record<string, readonly [number, number]> = {
  '13-17': [13, 17],
  '18-24': [18, 24],
  '25-34': [25, 34],
  '35-44': [35, 44],
  '45-64': [45, 64],
  '65-': [65, Infinity],
}

/**
 * Audience filters keep a creator when the named share of its audience reaches the weight (the
 * documented defaults apply when the body leaves it out); items of one array OR together.
 */
export function audiencePredicates(index: DatasetIndex, a: AudienceFilters): Predicate[] {
  const out: Predicate[] = []
  const { credibility } = a
  if (credibility !== undefined) out.push((c) => c.audience.credibility >= credibility)
  if (a.location) {
    const items = a.location
    out.push((c) => items.some((i) => audienceLocationShare(index, c, i.id) >= i.weight))
  }
  if (a.language) {
    const { id, weight } = a.language
    out.push((c) => share(c.audience.languages, id) >= weight)
  }
  if (a.gender) {
    const { id, weight } = a.gender
    out.push((c) => share(c.audience.genders, id) >= weight)
  }
  if (a.age) {
    const items = a.age
    out.push((c) => items.some((i) => share(c.audience.ages, i.id) >= i.weight))
  }
  if (a.ageRange) {
    const { weight } = a.ageRange
    const bands = ageRangeBands(a.ageRange)
    out.push((c) => bands.reduce((sum, b) => sum + share(c.audience.ages, b), 0) >= weight)
  }
  if (a.interests) {
    const items = a.interests
    out.push((c) =>
      items.some((i) => (c.audience.interests.find((x) => x.id === i.id)?.weight ?? 0) >= i.weight),
    )
  }
  return out
}

export function audienceLocationShare(index: DatasetIndex, c: SandboxCreator, id: number): number {
  const location = index.location(id)
  if (location === undefined) return 0
  if (location.kind === 'city') return c.audience.geoCities.find((x) => x.id === id)?.weight ?? 0
  return share(c.audience.geoCountries, location.countryCode)
}

export function share(list: readonly { code: string; weight: number }[], code: string): number {
  return list.find((x) => x.code === code)?.weight ?? 0
}

export function ageRangeBands(r: { min?: string | undefined; max?: string | undefined }): string[] {
  const min = r.min === undefined ? 0 : Number(r.min)
  const max = r.max === undefined ? Infinity : Number(r.max)
  return Object.entries(AGE_GROUP_BOUNDS)
    .filter(([, [lo, hi]]) => lo >= min && hi <= max)
    .map(([band]) => band)
}
