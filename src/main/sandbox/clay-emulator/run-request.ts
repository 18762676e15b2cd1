import { z } from 'zod'
import type { ClayRunItem } from './types'

/** `RunRoutineRequest` (`docs/providers.md` §2.6): 1–100 items, no extra keys anywhere. */
const runRequestSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        inputs: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1)
    .max(100)
    // Results are matched to items by id, so two items with one id could not be told apart.
    .refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
      message: 'item ids must be unique',
    }),
  webhook_id: z.string().min(1).optional(),
})

export type ParsedRunRequest =
  { ok: true; items: ClayRunItem[]; webhookId: string | null } | { ok: false; message: string }

export function parseRunRequest(text: string): ParsedRunRequest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' }
  }
  const parsed = runRequestSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.')
    return { ok: false, message: `Invalid request: ${where}: ${issue?.message ?? 'invalid'}` }
  }
  return { ok: true, items: parsed.data.items, webhookId: parsed.data.webhook_id ?? null }
}
