import { sql } from 'kysely'
import type { RawBuilder } from 'kysely'
import type { Platform } from '../../../shared/platforms'

/**
 * SQL pieces shared by the filter terms. `c` is the creator row, `f` its report facts (LEFT
 * JOIN, null without a report). A condition may be NULL where SQLite's comparisons are; the
 * callers wrap it with `truth` wherever it is negated.
 */
export type Condition = RawBuilder<unknown>

export const TRUE: Condition = sql`1`

export const col = (name: string): Condition => sql.ref(`c.${name}`)

export const reported: Condition = sql`c.has_detailed_profile = 1`

/**
 * The creator's platform. Written `+c.platform` when another condition should lead: SQLite has
 * no statistics, takes an equality on an index's first column for a handful of rows, and would
 * read every creator of the platform instead.
 */
export function platformIs(platform: Platform, anotherLeads: boolean): Condition {
  return anotherLeads ? sql`+c.platform = ${platform}` : sql`c.platform = ${platform}`
}
export const hasFacts: Condition = sql`f.creator_id IS NOT NULL`

/** A JSON path in the facts; `$.x` paths only, written by this code, never user text. */
export const fact = (path: string): Condition => sql`json_extract(f.facts_json, ${path})`
export const factType = (path: string): Condition => sql`json_type(f.facts_json, ${path})`

/** The facts array at `path` holds one of `values`. */
export function factHasAny(path: string, values: readonly (string | number)[]): Condition {
  return sql`EXISTS (SELECT 1 FROM json_each(f.facts_json, ${path}) AS j WHERE j.value IN (${sql.join(values)}))`
}

/** The share under `key` in the facts object at `path`; NULL when the report lists none. */
export function factShare(path: string, key: string): Condition {
  return sql`(SELECT j.value FROM json_each(f.facts_json, ${path}) AS j WHERE j.key = ${key})`
}

/** 0 or 1, never NULL: what a condition says when it must be negated or counted. */
export function truth(c: Condition): Condition {
  return sql`coalesce((${c}), 0)`
}

export function and(parts: readonly Condition[]): Condition {
  return parts.length === 0
    ? TRUE
    : parts.length === 1
      ? parts[0]!
      : sql`(${sql.join(parts, sql` AND `)})`
}

export function or(parts: readonly Condition[]): Condition | null {
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` OR `)})`
}

export function not(c: Condition): Condition {
  return sql`NOT ${truth(c)}`
}
