import { z } from 'zod'

/**
 * What we accept from Clay's Public API v0 (`docs/providers.md` §2.6–2.8). Every body is parsed before
 * anything is used; one that does not match is a `malformed_response` and nothing of it is kept.
 * Objects are loose because Clay adds fields; the fields we rely on are checked.
 */

const id = z.string().min(1).max(200)
/** Run statuses are free text to us; bounded so one can be recorded as a provider code. */
const runStatus = z.string().min(1).max(64)
const count = z.number().int().nonnegative()

export const runStartedSchema = z.looseObject({
  routine_run_id: id,
  status: runStatus,
})
export type ClayRunStartedBody = z.infer<typeof runStartedSchema>

export const resultItemSchema = z.looseObject({
  id: z.string(),
  status: runStatus,
  // Keyed by the routine's output column names, whatever its author called them (§1.13).
  result: z.record(z.string(), z.unknown()).nullish(),
  error: z.looseObject({ message: z.string().nullish() }).nullish(),
})
export type ClayResultItemBody = z.infer<typeof resultItemSchema>

export const runResultsSchema = z.looseObject({
  routine_run_id: id,
  status: runStatus,
  total: count.optional(),
  finished: count.optional(),
  data: z.array(resultItemSchema).optional(),
  cursor: z.string().min(1).nullish(),
})
export type ClayRunResultsBody = z.infer<typeof runResultsSchema>

/** Clay's only error shape: the HTTP status is the category, the message is for people. */
export const errorBodySchema = z.looseObject({ message: z.string() })

const plausibleEmail = z.email()

/** A found address we are willing to store; anything else is treated as a malformed answer. */
export function isPlausibleEmail(value: string): boolean {
  return value.length <= 254 && plausibleEmail.safeParse(value).success
}

export const meSchema = z.looseObject({
  user: z.looseObject({ id: z.union([z.string(), z.number()]) }).optional(),
  workspace: z.looseObject({ id: z.union([z.string(), z.number()]) }),
})
