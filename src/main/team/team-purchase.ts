import { randomUUID } from 'node:crypto'
import type { Meter } from '../../shared/domain'
import type { TeamClient } from './team-client'
import type { PublishStatus, TeamAudit, TeamCharge, TeamPurchase, TeamPurchaseEntry } from './types'

/** One paid call in team mode, in team-wide terms (see `keys.ts` for keys and contexts). */
export interface TeamOrder<D> {
  /** The same thing has the same key on every laptop: never a local row id. */
  key: string
  kind: string
  provider: 'modash' | 'clay'
  meter: Meter
  context: unknown
  reserveUnits: number
  /** A teammate's purchase younger than this is used for free; null: any age is. */
  maxAgeMs: number | null
  worstCaseMilliCredits(units: number): number
  call(): Promise<{ data: D; raw: unknown; httpStatus?: number | null; durationMs?: number }>
  /** What the provider charged for this answer. */
  charge(data: D): TeamCharge
  /** Whether a failed call may still have been billed (an answer lost on its way). */
  mayHaveBilled(err: unknown): boolean
  /** The audit row; the outcome, status, duration and cost are filled in here. */
  audit: TeamAudit
  /** The audit fields of a failure (outcome, status, duration). */
  failure?(err: unknown): Pick<TeamAudit, 'outcome' | 'httpStatus' | 'durationMs'>
}

export type TeamBought<D> =
  /** Bought before by someone on the team (or by this laptop): nothing was charged. */
  | { source: 'team'; purchase: TeamPurchase }
  /** Bought now: `entry.id` names the purchase everywhere; `published` says if it reached the server yet. */
  | { source: 'provider'; data: D; entry: TeamPurchaseEntry; publish: PublishStatus }

/**
 * The purchase routine of team mode:
 * claim the key → (a teammate's purchase: done, free) → reserve the worst case on the team
 * ledger → mark it sent → call → publish (stores the answer for the team, settles, audits and
 * ends the claim, in one server transaction; kept in the outbox until the server has it).
 *
 * - Never pays twice across the team: the claim makes every other laptop wait for this one,
 *   then use its purchase.
 * - Never passes a team limit: the reservation is the team ledger's conditional update.
 * - Never under-counts: a failure that may have been billed is settled at its worst case; a
 *   laptop that dies mid-call leaves a sent reservation the server counts at its worst case
 *   when it expires.
 * - When the team database cannot be reached before the call, nothing is bought
 *   (PROVIDER_UNAVAILABLE); after it, the answer is kept and published later.
 */
export async function teamBuy<D>(client: TeamClient, order: TeamOrder<D>): Promise<TeamBought<D>> {
  const claim = await client.claimPurchase(order.key, { maxAgeMs: order.maxAgeMs })
  if (claim.status === 'bought') return { source: 'team', purchase: claim.purchase }

  let reservation
  try {
    reservation = await client.reserve(order.meter, order.reserveUnits, {
      worstCaseMilliCredits: order.worstCaseMilliCredits(order.reserveUnits),
      purchaseKey: order.key,
    })
  } catch (err) {
    await client.abandonClaim(claim).catch(() => undefined)
    throw err
  }
  try {
    await client.markSent(reservation)
  } catch (err) {
    // Not sent, so not billed: give it back (queued if the server is away; it also expires).
    await client.release(reservation, null).catch(() => undefined)
    await client.abandonClaim(claim).catch(() => undefined)
    throw err
  }

  let answer: Awaited<ReturnType<TeamOrder<D>['call']>>
  try {
    answer = await order.call()
  } catch (err) {
    const billed = order.mayHaveBilled(err) ? reservation.units : 0
    const audit = { ...order.audit, ...order.failure?.(err) }
    await (
      billed > 0
        ? client.settle(
            reservation,
            { units: billed, milliCredits: order.worstCaseMilliCredits(billed) },
            audit,
          )
        : client.release(reservation, audit)
    ).catch(() => undefined)
    await client.abandonClaim(claim).catch(() => undefined)
    throw err
  }

  const charged = order.charge(answer.data)
  // Never more than was reserved, as the local ledger does: the limit was checked on that.
  const units = Math.min(charged.units, reservation.units)
  const entry: TeamPurchaseEntry = {
    id: randomUUID(),
    key: order.key,
    kind: order.kind,
    provider: order.provider,
    meter: order.meter,
    context: order.context,
    raw: answer.raw,
    units,
    milliCredits: charged.milliCredits,
    httpStatus: answer.httpStatus ?? null,
    reservationId: reservation.id,
    claimToken: claim.token,
    audit: {
      ...order.audit,
      outcome: 'ok',
      httpStatus: answer.httpStatus ?? null,
      durationMs: Math.max(0, Math.round(answer.durationMs ?? 0)),
    },
  }
  const published = await client.publishPurchase(entry)
  return { source: 'provider', data: answer.data, entry, publish: published.status }
}
