import { sql } from 'kysely'
import type { Term } from './filter-terms'
import type { Condition } from './sql-parts'
import { and, fact, factShare, hasFacts, or } from './sql-parts'
import type { TermContext, TermSql } from './term-context'

type AudienceTerm = Extract<Term, { key: `audience.${string}` }>
type List = 'countries' | 'languages' | 'genders' | 'ages' | 'interests'

/**
 * Audience filters keep a creator when the named share of the audience reaches the weight;
 * items of one filter OR together. A report lists the top shares only: a share it leaves out is
 * at most the smallest one it lists, which is enough to rule a creator out when the weight asked
 * for is above that. A city, or a name the cache cannot resolve, is never decided by facts.
 */
export function audienceTermSql(term: AudienceTerm, ctx: TermContext): TermSql {
  switch (term.key) {
    case 'audience.credibility':
      return {
        match: sql`${ctx.range('credibility')} >= ${term.value}`,
        fail: sql`c.credibility < ${term.value}`,
        fromFacts: true,
      }
    case 'audience.location':
      return shares(
        'countries',
        term.value.map((i) => {
          const place = ctx.places.get(i.id)
          return { key: place?.kind === 'country' ? place.countryCode : null, weight: i.weight }
        }),
      )
    case 'audience.language':
      return shares('languages', [{ key: term.value.id, weight: term.value.weight }])
    case 'audience.gender':
      return shares('genders', [{ key: term.value.id, weight: term.value.weight }])
    case 'audience.age':
      return shares(
        'ages',
        term.value.map((i) => ({ key: i.id, weight: i.weight })),
      )
    case 'audience.interests':
      return shares(
        'interests',
        term.value.map((i) => ({
          key: ctx.interestNames.get(i.id)?.toLowerCase() ?? null,
          weight: i.weight,
        })),
      )
  }
}

/** Items OR together; an item with no key (not resolvable offline) is never known either way. */
function shares(list: List, items: readonly { key: string | null; weight: number }[]): TermSql {
  const known = items.filter((i): i is { key: string; weight: number } => i.key !== null)
  const share = (key: string): Condition => factShare(`$.aud.${list}`, key)
  const least = fact(`$.aud.min.${list}`)
  const match = or(known.map((i) => sql`${share(i.key)} >= ${i.weight}`))
  const fail =
    known.length === 0 || known.length < items.length
      ? null
      : and([
          hasFacts,
          sql`${fact('$.aud')} IS NOT NULL`,
          ...known.map(
            (i) =>
              sql`(${share(i.key)} < ${i.weight} OR (${share(i.key)} IS NULL AND ${least} < ${i.weight}))`,
          ),
        ])
  return { match, fail, fromFacts: known.length > 0 }
}
