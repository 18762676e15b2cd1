import { asArray, asBoolean, asNumber, asObject, asString } from './unknown'

export interface Share {
  label: string
  weight: number
}

export interface Post {
  id: string
  text: string
  url: string | null
  created: string | null
  likes: number | null
  comments: number | null
}

export interface ParsedReport {
  handle: string | null
  fullName: string | null
  followers: number | null
  engagementRate: number | null
  engagements: number | null
  avgLikes: number | null
  avgComments: number | null
  bio: string | null
  country: string | null
  city: string | null
  isVerified: boolean | null
  accountType: string | null
  credibility: number | null
  genders: Share[]
  ages: Share[]
  countries: Share[]
  recentPosts: Post[]
  popularPosts: Post[]
  history: { month: string; followers: number }[]
  contacts: { type: string; value: string }[]
}

const GENDER_NAMES: Record<string, string> = { FEMALE: 'Female', MALE: 'Male' }

function shares(v: unknown, label: (o: Record<string, unknown>) => string | null): Share[] {
  const out: Share[] = []
  for (const item of asArray(v)) {
    const o = asObject(item)
    const weight = asNumber(o?.weight)
    const name = o ? label(o) : null
    if (name !== null && weight !== null && weight >= 0 && weight <= 1)
      out.push({ label: name, weight })
  }
  return out
}

function posts(v: unknown): Post[] {
  return asArray(v).flatMap((item, index): Post[] => {
    const o = asObject(item)
    if (!o) return []
    return [
      {
        id: asString(o.id) ?? String(index),
        text: asString(o.text) ?? asString(o.title) ?? '',
        url: asString(o.url),
        created: asString(o.created),
        likes: asNumber(o.likes),
        comments: asNumber(o.comments),
      },
    ]
  })
}

/** Modash nests the profile as report.profile; a bare inner object is accepted too. */
function root(report: unknown): Record<string, unknown> | null {
  const top = asObject(report)
  const nested = asObject(top?.profile)
  if (nested && (asObject(nested.profile) || asObject(nested.audience))) return nested
  return top
}

/**
 * Reads a stored report without trusting its shape: every field is optional, anything malformed
 * is dropped rather than shown wrong. Returns null when nothing usable is there at all.
 */
export function parseReport(report: unknown): ParsedReport | null {
  const r = root(report)
  if (!r) return null
  const p = asObject(r.profile) ?? {}
  const audience = asObject(r.audience) ?? {}
  const history = asArray(r.statHistory).flatMap((item) => {
    const o = asObject(item)
    const month = asString(o?.month)
    const followers = asNumber(o?.followers)
    return month !== null && followers !== null ? [{ month, followers }] : []
  })
  const contacts = asArray(r.contacts).flatMap((item) => {
    const o = asObject(item)
    const type = asString(o?.type)
    const value = asString(o?.value)
    return type !== null && value !== null ? [{ type, value }] : []
  })
  return {
    handle: asString(p.username) ?? asString(p.handle),
    fullName: asString(p.fullname),
    followers: asNumber(p.followers),
    engagementRate: asNumber(p.engagementRate),
    engagements: asNumber(p.engagements),
    avgLikes: asNumber(r.avgLikes),
    avgComments: asNumber(r.avgComments),
    bio: asString(r.bio) ?? asString(r.description),
    country: asString(r.country),
    city: asString(r.city),
    isVerified: asBoolean(r.isVerified),
    accountType: asString(r.accountType),
    credibility: asNumber(audience.credibility),
    genders: shares(audience.genders, (o) => {
      const code = asString(o.code)
      return code === null ? null : (GENDER_NAMES[code] ?? code)
    }),
    ages: shares(audience.ages, (o) => asString(o.code)?.replace(/-$/, '+') ?? null),
    countries: shares(audience.geoCountries, (o) => asString(o.name) ?? asString(o.code)),
    recentPosts: posts(r.recentPosts),
    popularPosts: posts(r.popularPosts),
    history: history.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)),
    contacts,
  }
}
