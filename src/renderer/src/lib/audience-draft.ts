import type { AUDIENCE_AGE_BANDS, AudienceFilter } from '../../../shared/search-filters'

export type AgeBand = (typeof AUDIENCE_AGE_BANDS)[number]

export interface DictEntry {
  id: string
  name: string
}

/** Weights are whole percentages in the form; Modash wants fractions. */
export interface AudienceDraft {
  locations: DictEntry[]
  locationWeight: number
  language: DictEntry | null
  languageWeight: number
  gender: '' | 'MALE' | 'FEMALE'
  genderWeight: number
  ages: AgeBand[]
  ageWeight: number
  interests: DictEntry[]
  interestWeight: number
  credibilityPct: string
}

/** Modash's own defaults (`docs/providers.md` §1.5): results depend heavily on these, so show them. */
export const DEFAULT_AUDIENCE_WEIGHTS = {
  locationWeight: 20,
  languageWeight: 20,
  genderWeight: 50,
  ageWeight: 30,
  interestWeight: 30,
} as const

export const emptyAudienceDraft: AudienceDraft = {
  locations: [],
  language: null,
  gender: '',
  ages: [],
  interests: [],
  credibilityPct: '',
  ...DEFAULT_AUDIENCE_WEIGHTS,
}

const toWeight = (pct: number): number => Math.min(1, Math.max(0.01, pct / 100))

export function audienceToFilter(
  draft: AudienceDraft,
  problems: string[],
): AudienceFilter | undefined {
  const out: AudienceFilter = {}
  if (draft.locations.length > 0) {
    const weight = toWeight(draft.locationWeight)
    out.location = draft.locations.map((l) => ({ id: Number(l.id), weight }))
  }
  if (draft.language)
    out.language = { id: draft.language.id, weight: toWeight(draft.languageWeight) }
  if (draft.gender !== '') out.gender = { id: draft.gender, weight: toWeight(draft.genderWeight) }
  if (draft.ages.length > 0) {
    const weight = toWeight(draft.ageWeight)
    out.age = draft.ages.map((id) => ({ id, weight }))
  }
  if (draft.interests.length > 0) {
    const weight = toWeight(draft.interestWeight)
    out.interests = draft.interests.map((i) => ({ id: Number(i.id), weight }))
  }
  if (draft.credibilityPct.trim() !== '') {
    const pct = Number(draft.credibilityPct)
    if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
      problems.push('Audience credibility must be a percentage between 0 and 100')
    } else {
      out.credibility = pct / 100
    }
  }
  return Object.keys(out).length > 0 ? out : undefined
}
