import type { Platform } from '../../../shared/platforms'
import {
  AGENCY_DOMAINS,
  BRAND_ADJECTIVES,
  EMAIL_PROVIDERS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
} from './names'
import type { Niche } from './niches'
import type { Rng } from './prng'
import type { CreatorGender } from './types'

const DIGITS = '0123456789'
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export interface Identity {
  userId: string
  username: string
  fullname: string
  first: string
  last: string
}

/** Per-platform registry that keeps ids and usernames unique across one generated dataset. */
export class IdentityRegistry {
  private readonly ids = new Set<string>()
  private readonly usernames = new Set<string>()

  constructor(private readonly platform: Platform) {}

  create(rng: Rng, niche: Niche, gender: CreatorGender, isBrandPage: boolean): Identity {
    const word = rng.pick(niche.handleWords)
    const first = isBrandPage
      ? capitalise(rng.pick(BRAND_ADJECTIVES))
      : rng.pick(gender === 'MALE' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES)
    const last = isBrandPage ? capitalise(word) : rng.pick(LAST_NAMES)
    const username = this.uniqueUsername(rng, baseUsername(rng, first, last, word, isBrandPage))
    return {
      userId: this.uniqueId(rng),
      username,
      fullname: fullname(rng, first, last, word, isBrandPage),
      first,
      last,
    }
  }

  private uniqueId(rng: Rng): string {
    for (;;) {
      const id = newUserId(rng, this.platform)
      if (!this.ids.has(id)) {
        this.ids.add(id)
        return id
      }
    }
  }

  private uniqueUsername(rng: Rng, base: string): string {
    const clean = this.platform === 'youtube' ? base.replace(/\./g, '') : base
    let candidate = clean
    while (this.usernames.has(candidate)) {
      candidate = `${clean}${rng.pick(['', '.', '_'])}${rng.int(1, 999)}`
      if (this.platform === 'youtube') candidate = candidate.replace(/\./g, '')
    }
    this.usernames.add(candidate)
    return candidate
  }
}

function newUserId(rng: Rng, platform: Platform): string {
  if (platform === 'instagram') return String(rng.int(100_000_000, 69_999_999_999))
  if (platform === 'tiktok') return `${rng.pick(['6', '7'])}${rng.chars(DIGITS, 18)}`
  return `UC${rng.chars(ID_CHARS, 22)}`
}

function baseUsername(
  rng: Rng,
  first: string,
  last: string,
  word: string,
  isBrandPage: boolean,
): string {
  const f = slug(first)
  const l = slug(last)
  if (isBrandPage) return rng.pick([`${f}${l}`, `${f}.${l}`, `${f}${l}hq`, `${f}_${l}`])
  return rng.weighted<string>([
    [`${f}.${l}`, 3],
    [`${f}${l}`, 3],
    [`${f}.${l}.${word}`, 2],
    [`${f}_${word}`, 2],
    [`${word}with${f}`, 1],
    [`${f}${l}${rng.int(1, 99)}`, 2],
    [`the${f}${word}`, 1],
  ])
}

function fullname(rng: Rng, first: string, last: string, word: string, isBrand: boolean): string {
  if (isBrand) return `${first} ${last}`
  return rng.weighted<string>([
    [`${first} ${last}`, 6],
    [`${first} | ${capitalise(word)}`, 2],
    [`${first} ${last} | ${capitalise(word)}`, 2],
  ])
}

/** An email as a creator would publish it in a bio or contact button. */
export function publicEmail(rng: Rng, identity: Identity, isBrandPage: boolean): string {
  const f = slug(identity.first)
  const l = slug(identity.last)
  const handle = identity.username.replace(/[^a-z0-9]/g, '')
  if (isBrandPage) return `${rng.pick(['info', 'hello', 'partners'])}@${f}${l}.com`
  return rng.weighted<string>([
    [`${f}.${l}@${rng.pick(EMAIL_PROVIDERS)}`, 4],
    [`hello@${f}${l}.com`, 2],
    [`collabs.${handle}@gmail.com`, 2],
    [`${f}@${rng.pick(AGENCY_DOMAINS)}`, 2],
  ])
}

/** An email an enrichment waterfall would find: a work or agency address, not the public one. */
export function enrichedEmail(rng: Rng, identity: Identity, isBrandPage: boolean): string {
  const f = slug(identity.first)
  const l = slug(identity.last)
  if (isBrandPage) return `marketing@${f}${l}.com`
  return rng.pick([`${f}@${f}${l}media.com`, `${f}.${l}@${rng.pick(AGENCY_DOMAINS)}`])
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '')
}

export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
