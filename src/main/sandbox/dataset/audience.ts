import {
  CITIES,
  COUNTRIES,
  INTERESTS,
  LANGUAGES,
  countryByCode,
  languageName,
} from './dictionaries'
import type { Niche } from './niches'
import type { Rng } from './prng'
import type { AudienceAgeBand, SandboxAudience } from './types'

const AGE_BANDS: readonly AudienceAgeBand[] = ['13-17', '18-24', '25-34', '35-44', '45-64', '65-']
const COUNTRY_CODE_WEIGHTS = COUNTRIES.map((c) => [c.code, c.weight] as const)

export function generateAudience(
  rng: Rng,
  niche: Niche,
  country: string,
  language: string,
  followers: number,
): SandboxAudience {
  // Big accounts attract more bots, so their credibility skews lower.
  const credibility = round(clamp(rng.float(0.55, 0.95) - Math.log10(followers) * 0.01, 0.5, 0.95))
  const female = round(clamp(niche.femaleAudience + rng.normal() * 0.08, 0.03, 0.97))
  const ageWeights = normalise(niche.ageSkew.map((w) => w * rng.logNormal(0, 0.3)))
  const countries = geoCountries(rng, country)
  return {
    credibility,
    genders: [
      { code: 'FEMALE' as const, weight: female },
      { code: 'MALE' as const, weight: round(1 - female) },
    ].sort((a, b) => b.weight - a.weight),
    ages: AGE_BANDS.map((code, i) => ({ code, weight: ageWeights[i] ?? 0 })),
    geoCountries: countries,
    geoCities: geoCities(rng, countries),
    languages: languages(rng, language),
    interests: audienceInterests(rng, niche),
  }
}

/** Cities take a part of the top country's share, so they never outweigh it. */
function geoCities(
  rng: Rng,
  countries: SandboxAudience['geoCountries'],
): SandboxAudience['geoCities'] {
  const top = countries[0]
  if (top === undefined) return []
  const cities = CITIES.filter((c) => c.countryCode === top.code)
  const picked = rng.sample(cities, Math.min(3, cities.length))
  const cityShare = top.weight * rng.float(0.2, 0.6)
  const split = normalise(picked.map(() => rng.float(0.2, 1)))
  return picked
    .map((c, i) => ({ id: c.id, name: c.name, weight: round(cityShare * (split[i] ?? 0)) }))
    .sort((a, b) => b.weight - a.weight)
}

function geoCountries(rng: Rng, home: string): SandboxAudience['geoCountries'] {
  const codes = [home]
  const wanted = rng.int(3, 5)
  while (codes.length < wanted) {
    const code = rng.weighted(COUNTRY_CODE_WEIGHTS)
    if (!codes.includes(code)) codes.push(code)
  }
  const homeShare = rng.float(0.35, 0.8)
  const rest = codes.slice(1).map(() => rng.float(0.1, 1))
  const restSum = rest.reduce((a, b) => a + b, 0)
  const raw = [homeShare, ...rest.map((w) => ((1 - homeShare) * w) / restSum)]
  const weights = normalise(raw)
  return codes
    .map((code, i) => ({ code, name: countryByCode(code).name, weight: weights[i] ?? 0 }))
    .sort((a, b) => b.weight - a.weight)
}

function languages(rng: Rng, main: string): SandboxAudience['languages'] {
  const codes = [main]
  if (main !== 'en') codes.push('en')
  const other = rng.pick(LANGUAGES.filter((l) => !codes.includes(l.code))).code
  codes.push(other)
  const mainShare = rng.float(0.5, 0.9)
  const rest = codes.slice(1).map(() => rng.float(0.2, 1))
  const restSum = rest.reduce((a, b) => a + b, 0)
  const weights = normalise([mainShare, ...rest.map((w) => ((1 - mainShare) * w) / restSum)])
  return codes
    .map((code, i) => ({ code, name: languageName(code), weight: weights[i] ?? 0 }))
    .sort((a, b) => b.weight - a.weight)
}

function audienceInterests(rng: Rng, niche: Niche): SandboxAudience['interests'] {
  const others = INTERESTS.filter((i) => !niche.interests.includes(i.id))
  const ids = [...niche.interests, ...rng.sample(others, 2).map((i) => i.id)]
  return ids
    .map((id, i) => ({
      id,
      name: INTERESTS.find((x) => x.id === id)?.name ?? String(id),
      weight: round(i < niche.interests.length ? rng.float(0.25, 0.6) : rng.float(0.05, 0.25)),
    }))
    .sort((a, b) => b.weight - a.weight)
}

/**
 * Scales to a sum of 1 and rounds to 4 decimals, pushing the rounding error onto the largest
 * share so the published weights still add up.
 */
export function normalise(values: readonly number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0)
  if (!(sum > 0)) return values.map(() => 0)
  const rounded = values.map((v) => round(v / sum))
  const error = round(1 - rounded.reduce((a, b) => a + b, 0))
  let largest = 0
  rounded.forEach((v, i) => {
    if (v > (rounded[largest] ?? 0)) largest = i
  })
  rounded[largest] = round((rounded[largest] ?? 0) + error)
  return rounded
}

export function round(value: number, decimals = 4): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
