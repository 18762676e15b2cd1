import { roundFollowers } from '../../../shared/filters-canonical'

/**
 * Modash snaps follower bounds before searching; the one rule lives with the canonical filters
 * (`shared/filters-canonical.ts`). What is sent and shown is the snapped value, so what the user
 * reads is exactly what is searched and paid for.
 */
export { roundFollowers }

/** Parses a user-typed count such as "10k", "1.5m" or "25,000". Null when blank or invalid. */
export function parseCount(text: string): number | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[,_\s]/g, '')
  if (t === '') return null
  const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(t)
  if (!m) return null
  const factor = m[2] === 'k' ? 1_000 : m[2] === 'm' ? 1_000_000 : 1
  return Math.round(Number(m[1]) * factor)
}

export interface AppliedRange {
  min: number | null
  max: number | null
  /** True when snapping moved a bound away from what was typed. */
  adjusted: boolean
  invalid: string | null
}

export function appliedFollowerRange(minText: string, maxText: string): AppliedRange {
  const rawMin = parseCount(minText)
  const rawMax = parseCount(maxText)
  const badMin = minText.trim() !== '' && rawMin === null
  const badMax = maxText.trim() !== '' && rawMax === null
  if (badMin || badMax) {
    const invalid = 'Followers must be a number like 10000 or 10k'
    return { min: null, max: null, adjusted: false, invalid }
  }
  const min = rawMin === null ? null : roundFollowers(rawMin)
  const max = rawMax === null ? null : roundFollowers(rawMax)
  const adjusted = (rawMin !== null && min !== rawMin) || (rawMax !== null && max !== rawMax)
  const invalid =
    max === 0
      ? 'A maximum under 500 followers rounds to 0'
      : min !== null && max !== null && min > max
        ? 'Minimum followers exceed the maximum'
        : null
  return { min, max, adjusted, invalid }
}
