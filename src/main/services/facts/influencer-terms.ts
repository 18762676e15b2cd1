import { sql } from 'kysely'
import { bioTable } from '../../db/schema'
import type { Term } from './filter-terms'
import type { Condition } from './sql-parts'
import { and, col, fact, factHasAny, factType, hasFacts, not, or, reported } from './sql-parts'
import type { TermContext, TermSql } from './term-context'
import { phraseLine, words } from './words'

type Range = { min?: number | undefined; max?: number | undefined }
type InfluencerTerm = Extract<Term, { key: `influencer.${string}` }>

const NEVER: TermSql = { match: null, fail: null, fromFacts: false }

/** Age band edges as Modash's creator age filter reads them ({min: 25, max: 35} is 25-34). */
const AGE_BANDS: Record<string, readonly [number, number]> = {
  '13-17': [13, 17],
  '18-24': [18, 24],
  '25-34': [25, 34],
  '35-44': [35, 44],
  '45-64': [45, 64],
  '65-': [65, Infinity],
}

/**
 * Influencer filters, each as what the cache knows: search-profile numbers (always there),
 * report columns and report facts. Modash's semantics are followed exactly (ranges inclusive,
 * gender KNOWN = not UNKNOWN, a creator with no location matches no location); where a report
 * only lists the top of something (hashtags, captions of recent posts), its absence proves
 * nothing and the filter stays unknown.
 */
export function influencerTermSql(term: InfluencerTerm, ctx: TermContext): TermSql {
  switch (term.key) {
    case 'influencer.followers':
      return columnRange('followers', term.value, ctx)
    case 'influencer.engagements':
      return columnRange('engagements', term.value, ctx)
    case 'influencer.views':
      return columnRange('average_views', term.value, ctx)
    case 'influencer.engagementRate':
      return {
        match: sql`${ctx.range('engagement_rate')} >= ${term.value}`,
        fail: sql`c.engagement_rate < ${term.value}`,
        fromFacts: true,
      }
    case 'influencer.isVerified':
      return {
        match: sql`c.is_verified = ${term.value ? 1 : 0}`,
        fail: sql`c.is_verified = ${term.value ? 0 : 1}`,
        fromFacts: true,
      }
    case 'influencer.language':
      return {
        match: sql`c.language = ${term.value}`,
        fail: sql`${reported} AND c.language <> ${term.value}`,
        fromFacts: true,
      }
    case 'influencer.gender':
      return gender(term.value, ctx)
    case 'influencer.location':
      return location(term.value, ctx)
    case 'influencer.lastposted': {
      const since = new Date(ctx.now.getTime() - term.value * 86_400_000).toISOString()
      return { match: sql`${fact('$.lastPostAt')} >= ${since}`, fail: null, fromFacts: true }
    }
    case 'influencer.relevance':
    case 'influencer.audienceRelevance':
      // Modash matches these by meaning; only a page bought with them proves them.
      return NEVER
    case 'influencer.age':
      return age(term.value)
    case 'influencer.followersGrowthRate':
      return growth(term.value)
    case 'influencer.bio':
      return bio(term.value, ctx)
    case 'influencer.keywords': {
      const phrase = phraseLine(term.value)
      if (phrase.trim() === '') return NEVER
      return {
        match: sql`instr(${fact('$.captions')}, ${phrase}) > 0`,
        fail: null,
        fromFacts: true,
      }
    }
    case 'influencer.hasYouTube': {
      const has = factHasAny('$.contacts', ['youtube'])
      return term.value
        ? { match: has, fail: null, fromFacts: true }
        : { match: null, fail: has, fromFacts: true }
    }
    case 'influencer.hasContactDetails':
      return contacts(term.value)
    case 'influencer.accountTypes':
      return {
        match: sql`${fact('$.accountType')} IN (${sql.join(term.value)})`,
        fail: sql`${fact('$.accountType')} NOT IN (${sql.join(term.value)})`,
        fromFacts: true,
      }
    case 'influencer.brands':
      return listed('$.brands', term.value)
    case 'influencer.interests':
      return listed('$.interests', term.value)
    case 'influencer.textTags': {
      const tags = (type: string) => term.value.filter((t) => t.type === type).map((t) => t.value)
      const parts = [
        ...(tags('hashtag').length > 0 ? [factHasAny('$.hashtags', tags('hashtag'))] : []),
        ...(tags('mention').length > 0 ? [factHasAny('$.mentions', tags('mention'))] : []),
      ]
      return { match: or(parts), fail: null, fromFacts: true }
    }
    case 'influencer.reelsPlays':
      return rangeOf(fact('$.reelsPlays'), term.value)
    case 'influencer.hasSponsoredPosts': {
      const some = sql`${fact('$.sponsored')} = 1`
      return term.value
        ? { match: some, fail: null, fromFacts: true }
        : { match: null, fail: some, fromFacts: true }
    }
  }
}

function columnRange(column: string, r: Range, ctx: TermContext): TermSql {
  const ref = ctx.range(column)
  const match = and([
    ...(r.min !== undefined ? [sql`${ref} >= ${r.min}`] : []),
    ...(r.max !== undefined ? [sql`${ref} <= ${r.max}`] : []),
    sql`${col(column)} IS NOT NULL`,
  ])
  return { match, fail: outside(col(column), r), fromFacts: true }
}

function rangeOf(value: Condition, r: Range): TermSql {
  const inside = and([
    sql`${value} IS NOT NULL`,
    ...(r.min !== undefined ? [sql`${value} >= ${r.min}`] : []),
    ...(r.max !== undefined ? [sql`${value} <= ${r.max}`] : []),
  ])
  return { match: inside, fail: outside(value, r), fromFacts: true }
}

/** Known outside the range: NULL (not known) when the value is. */
function outside(value: Condition, r: Range): Condition | null {
  return or([
    ...(r.min !== undefined ? [sql`${value} < ${r.min}`] : []),
    ...(r.max !== undefined ? [sql`${value} > ${r.max}`] : []),
  ])
}

function gender(value: 'MALE' | 'FEMALE' | 'KNOWN' | 'UNKNOWN', ctx: TermContext): TermSql {
  if (value === 'KNOWN')
    return {
      match: sql`${ctx.member('gender')} IN ('FEMALE', 'MALE')`,
      fail: sql`c.gender = 'UNKNOWN'`,
      fromFacts: true,
    }
  if (value === 'UNKNOWN')
    return {
      match: sql`c.gender = 'UNKNOWN'`,
      fail: sql`c.gender IN ('FEMALE', 'MALE')`,
      fromFacts: true,
    }
  return {
    match: sql`c.gender = ${value}`,
    fail: sql`${reported} AND c.gender <> ${value}`,
    fromFacts: true,
  }
}

/**
 * A country matches report countries; a place inside a country (a city, a state) cannot be
 * matched, but rules out creators of every other country. A report without a country is a
 * creator Modash has no location for, whom no location filter finds. An id the cache cannot
 * place leaves every creator unknown.
 */
function location(ids: readonly number[], ctx: TermContext): TermSql {
  const places = ids.map((id) => ctx.places.get(id))
  const countries = [
    ...new Set([
      ...places.flatMap((p) => (p?.kind === 'country' ? [p.countryCode] : [])),
      ...ctx.countries.map((c) => c.toUpperCase()),
    ]),
  ]
  const around = places.flatMap((p) => (p?.kind === 'region' ? [p.countryCode] : []))
  const unplaced = places.some((p) => p === undefined)
  const match =
    countries.length === 0
      ? null
      : countries.length === 1
        ? sql`c.country = ${countries[0]}`
        : sql`${ctx.member('country')} IN (${sql.join(countries)})`
  const possible = [...new Set([...countries, ...around])]
  const fail =
    unplaced || possible.length === 0
      ? null
      : sql`${reported} AND (c.country IS NULL OR c.country NOT IN (${sql.join(possible)}))`
  return { match, fail, fromFacts: match !== null || fail !== null }
}

function age(r: Range): TermSql {
  const bands = Object.entries(AGE_BANDS)
    .filter(([, [lo, hi]]) => lo >= (r.min ?? 0) && (r.max === undefined || hi < r.max))
    .map(([band]) => band)
  const known = sql`${hasFacts} AND ${factType('$.age')} IS NOT NULL`
  return {
    match: bands.length === 0 ? null : sql`${fact('$.age')} IN (${sql.join(bands)})`,
    fail:
      bands.length === 0
        ? known
        : sql`${known} AND (${factType('$.age')} = 'null' OR ${fact('$.age')} NOT IN (${sql.join(bands)}))`,
    fromFacts: true,
  }
}

/** Growth is known as an interval [lo, hi] (see `report-facts.ts`). */
function growth(g: { interval: string; value: number; operator: 'gte' | 'gt' | 'lt' | 'lte' }) {
  const months = /^i(\d)month/.exec(g.interval)?.[1] ?? '1'
  const lo = fact(`$.growth."${months}"[0]`)
  const hi = fact(`$.growth."${months}"[1]`)
  const v = g.value
  const sides: Record<typeof g.operator, [Condition, Condition]> = {
    gte: [sql`${lo} >= ${v}`, sql`${hi} < ${v}`],
    gt: [sql`${lo} > ${v}`, sql`${hi} <= ${v}`],
    lt: [sql`${hi} < ${v}`, sql`${lo} >= ${v}`],
    lte: [sql`${hi} <= ${v}`, sql`${lo} > ${v}`],
  }
  const [match, fail] = sides[g.operator]
  return { match, fail, fromFacts: true }
}

/**
 * Every word in the bio or the name, as whole words. The full-text index narrows to creators
 * whose bio holds one of the words; `cd_has_words` then decides exactly. A match that rests on
 * the name alone is left "unknown" rather than found by reading every row.
 *
 * The exact test is a call into JavaScript, the dearest thing a row can cost, so it sits behind
 * a CASE: where a condition is a value (counted, negated) SQLite evaluates both sides of an AND,
 * but a CASE evaluates its THEN only when its WHEN holds. Only creators with a report, whose bio
 * is known, are ever tested. The index terms stay plain conjuncts, for the planner to use.
 */
function bio(text: string, ctx: TermContext): TermSql {
  const wanted = words(text)
  if (wanted.length === 0) return { match: sql`1`, fail: null, fromFacts: true }
  const table = sql.table(bioTable(ctx.platform))
  const anyWord = wanted.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')
  const exact = sql`CASE WHEN ${reported} THEN cd_has_words(coalesce(c.bio, '') || ' ' || coalesce(c.full_name, ''), ${wanted.join(' ')}) END`
  return {
    match: sql`c.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${anyWord}) AND ${reported} AND ${exact} = 1`,
    fail: sql`${exact} = 0`,
    fromFacts: true,
  }
}

function contacts(rules: readonly { contactType: string; filterAction: string }[]): TermSql {
  const known = sql`${factType('$.contacts')} = 'array'`
  const holds = rules.flatMap((r) => {
    const has = factHasAny('$.contacts', [r.contactType])
    if (r.filterAction === 'must') return [has]
    if (r.filterAction === 'not') return [not(has)]
    return []
  })
  if (holds.length === 0) return { match: sql`1`, fail: null, fromFacts: true }
  return {
    match: and([known, ...holds]),
    fail: and([known, sql`NOT ${and(holds)}`]),
    fromFacts: true,
  }
}

function listed(path: string, ids: readonly number[]): TermSql {
  const any = factHasAny(path, ids)
  return {
    match: any,
    fail: sql`${factType(path)} = 'array' AND NOT ${any}`,
    fromFacts: true,
  }
}
