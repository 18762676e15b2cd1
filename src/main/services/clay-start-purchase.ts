import { z } from 'zod'
import type { Platform } from '../../shared/platforms'
import { teamEmailKey } from '../team/keys'
import type { PurchaseKind } from './purchase/purchase'

/** Which creator's run on which routine; also what a journal replay needs to store it again. */
export interface ClayStartContext {
  creatorId: number
  /** The creator as every laptop of a team names it. */
  platform: Platform
  providerId: string
  routineId: string
}

export interface ClayStarted {
  runId: string
}

export function emailKey(creatorId: number): string {
  return `email:${creatorId}`
}

const keptStart = z.looseObject({ routine_run_id: z.string().min(1).max(200) })

/**
 * A Clay run start: charged when Clay accepts it, whatever the run finds. What is bought is the
 * run id (the answer comes later, for free, by polling), so it is stored before anything waits on
 * it: an interrupted lookup is then resumed, never started (and paid for) again.
 */
export const clayStartPurchase: PurchaseKind<ClayStartContext, ClayStarted, string> = {
  name: 'clay-start',
  provider: 'clay',
  meter: 'enrichment',
  read: (raw) => {
    const parsed = keptStart.safeParse(raw)
    return parsed.success ? { runId: parsed.data.routine_run_id } : null
  },
  charge: () => ({ units: 1, milliCredits: 0 }),
  store: async (trx, _deps, ctx, started, boughtAt) => {
    await trx
      .insertInto('clay_runs')
      .values({
        creator_id: ctx.creatorId,
        run_id: started.runId,
        routine_id: ctx.routineId,
        started_at: boughtAt,
        finished_at: null,
        outcome: null,
      })
      // A teammate's run resumed here a second time is the same run, not a new one.
      .onConflict((oc) => oc.column('run_id').doNothing())
      .execute()
    return started.runId
  },
  teamTerms: (ctx) => ({
    key: teamEmailKey(ctx.platform, ctx.providerId),
    context: { platform: ctx.platform, providerId: ctx.providerId, routineId: ctx.routineId },
  }),
}
