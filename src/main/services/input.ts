import type { z } from 'zod'
import { AppError } from '../../shared/errors'

/** Inputs already parsed at the boundary (IPC `dispatch`), with the schema that parsed them. */
const parsedBy = new WeakMap<object, z.ZodType>()

/**
 * Marks `value` as the output of `schema`, so a service handed it parses it no second time:
 * the input is parsed once, where it enters main. Only the parse's own output is marked (a
 * fresh object nothing else holds yet).
 */
export function markParsed<T>(schema: z.ZodType, value: T): T {
  if (typeof value === 'object' && value !== null) parsedBy.set(value, schema)
  return value
}

/**
 * Parses a service input; callers other than IPC (export, benchmarks, tests) get the same checks.
 * An input the same schema already parsed at the boundary is taken as it is.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  if (typeof input === 'object' && input !== null && parsedBy.get(input) === schema)
    return input as z.infer<S>
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw validationError(what, parsed.error)
}

/** One wording for every refused input: the first problem in words, the first ten as data. */
export function validationError(what: string, error: z.ZodError): AppError {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return new AppError('VALIDATION', `Invalid ${what}: ${where}${issue?.message ?? 'invalid'}`, {
    issues: error.issues
      .slice(0, 10)
      .map((i) => ({ path: i.path.map(String), message: i.message })),
  })
}
