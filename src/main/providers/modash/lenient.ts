import { z } from 'zod'

/**
 * Lenient field readers for paid Modash bodies. Modash bills what it returned, so one odd field
 * must never cost the user a whole page or report: a field that is absent or null reads as null
 * (unknown), a field with a wrong value also reads as null and is named, so the caller can say
 * which facts it could not keep. Nothing is ever guessed or coerced into a number it was not.
 */

export const count = z.number().finite().nonnegative()
export const text = z.string()
export const flag = z.boolean()

/** A value, or null when absent; a present value that fails `schema` is null too. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(null)
}

/**
 * Names of the fields of `raw` that were present (not null) but did not survive reading: the
 * facts that were bought but could not be trusted.
 */
export function droppedFields(
  raw: Record<string, unknown>,
  read: Record<string, unknown>,
  fields: readonly string[],
): string[] {
  return fields.filter((f) => raw[f] != null && read[f] == null)
}

/** Keeps the items of an array that read, dropping the others; not an array reads as null. */
export function lenientArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .transform((items) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value)
        return parsed.success ? [parsed.data] : []
      }),
    )
    .nullish()
    .catch(null)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Provider ids arrive as strings; a number is accepted as its decimal text. */
export function readId(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' || trimmed.length > 200 ? null : trimmed
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value)
  return null
}
