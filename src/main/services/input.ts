import type { z } from 'zod'
import { AppError } from '../../shared/errors'

/** Parses a service input; callers other than IPC (export, benchmarks, tests) get the same checks. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
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
