import { normalise, round } from '../dataset/audience'
import type { Rng } from '../dataset/prng'
import type { SandboxAudience, SandboxCreator } from '../dataset/generate-dataset'
import { reportRng } from './report-rng'

type Weighted = { code: string; weight: number }

/** Followers' reach buckets (how many accounts each follows), as Modash labels them. */
const REACHABILITY_CODES = ['-500', '500-1000', '1000-1500', '1500-'] as const

/**
 * A report's `audience` (the followers) or `audienceLikers` (who liked recent posts). Likers are
 * the same people seen from another angle, so their shares are the followers' ones, shifted a
 * little and renormalised; both carry the live blocks the docs' example leaves empty:
 * `audienceTypes` and `audienceReachability` (`docs/providers.md` §1.13).
 */
export function audienceBlock(
  c: SandboxCreator,
  of: 'followers' | 'likers',
): Record<string, unknown> {
  const rng = reportRng(c, `audience:${of}`)
  const a = of === 'followers' ? c.audience : shifted(c.audience, rng)
  return {
    credibility: a.credibility,
    notable: round(Math.min(0.2, c.followers / 50_000_000 + 0.01)),
    genders: a.genders,
    ages: a.ages,
    gendersPerAge: a.ages.map((age) => ({
      code: age.code,
      male: round(age.weight * (a.genders.find((g) => g.code === 'MALE')?.weight ?? 0)),
      female: round(age.weight * (a.genders.find((g) => g.code === 'FEMALE')?.weight ?? 0)),
    })),
    geoCountries: a.geoCountries.map((g) => ({ name: g.name, code: g.code, weight: g.weight })),
    geoCities: a.geoCities.map((g) => ({ name: g.name, weight: g.weight })),
    geoStates: [],
    languages: a.languages,
    interests: a.interests.map((i) => ({ name: i.name, weight: i.weight })),
    ethnicities: [],
    audienceTypes: audienceTypes(a.credibility, rng),
    audienceReachability: reachability(rng),
    notableUsers: [],
    audienceLookalikes: [],
    brandAffinity: [],
  }
}

/**
 * Real people, suspicious (fake) accounts, mass followers (following thousands) and other
 * influencers. Suspicious is what credibility leaves out; the rest splits the credible share.
 */
function audienceTypes(credibility: number, rng: Rng): Weighted[] {
  const influencers = credibility * rng.float(0.01, 0.05)
  const mass = credibility * rng.float(0.05, 0.2)
  const weights = normalise([credibility - influencers - mass, 1 - credibility, mass, influencers])
  return ['real', 'suspicious', 'mass_followers', 'influencers'].map((code, i) => ({
    code,
    weight: weights[i] ?? 0,
  }))
}

/** Most followers follow under 500 accounts; the tail follows many more. */
function reachability(rng: Rng): Weighted[] {
  const weights = normalise([rng.float(0.4, 0.7), rng.float(0.1, 0.25), 0.08, 0.05])
  return REACHABILITY_CODES.map((code, i) => ({ code, weight: weights[i] ?? 0 }))
}

/** Shares moved by a few percent and renormalised, so each list still sums to 1. */
function shifted(a: SandboxAudience, rng: Rng): SandboxAudience {
  const shift = <T extends { weight: number }>(list: readonly T[], sumsToOne: boolean): T[] => {
    const moved = list.map((x) => x.weight * rng.logNormal(0, 0.1))
    const weights = sumsToOne ? normalise(moved) : moved.map((w) => round(Math.min(1, w)))
    return list.map((x, i) => ({ ...x, weight: weights[i] ?? 0 }))
  }
  const byWeight = <T extends { weight: number }>(list: T[]) =>
    list.sort((x, y) => y.weight - x.weight)
  return {
    credibility: round(Math.min(0.98, a.credibility * rng.float(1, 1.05))),
    genders: byWeight(shift(a.genders, true)),
    ages: shift(a.ages, true),
    geoCountries: byWeight(shift(a.geoCountries, true)),
    geoCities: byWeight(shift(a.geoCities, false)),
    languages: byWeight(shift(a.languages, true)),
    interests: byWeight(shift(a.interests, false)),
  }
}
