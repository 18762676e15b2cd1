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
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  throw new AppError('VALIDATION', `Invalid ${what}: ${where}${issue?.message ?? 'invalid'}`)
}
