import type { TeamClient } from '../../team/team-client'
import { teamBuy } from '../../team/team-purchase'
import { creatorRef } from '../../team/keys'
import { isPlatform } from '../../../shared/platforms'
import { AppError } from '../../../shared/errors'
import type { CoreDeps } from '../core-deps'
import { failureDuration, failureOutcome, failureStatus, mayHaveBilled } from '../provider-failure'
import type { Bought, PurchaseKind, PurchaseOrder } from './purchase'
import { keepAndStore } from './purchase-store'
import type { JournalEntry } from './purchase-journal'

/**
 * The purchase routine in team mode: the same order, bought through the team database. A
 * teammate's purchase of the same thing is used for free; otherwise the team ledger reserves
 * (so laptops together never pass the team's limit), the provider is called, and the answer is
 * published to the team (outbox first) before it is kept here exactly as a solo purchase is:
 * journal, then cache rows, raw answer and audit row in one transaction. The local ledger is not
 * charged: the team's ledger is the one that counts.
 */
export async function buyThroughTeam<C, D, R>(
  deps: CoreDeps,
  team: TeamClient,
  kind: PurchaseKind<C, D, R>,
  order: PurchaseOrder<C, D>,
): Promise<Bought<D, R>> {
  const terms = kind.teamTerms(order.context)
  const platform = order.audit.platform
  const bought = await teamBuy(team, {
    key: terms.key,
    kind: kind.name,
    provider: kind.provider,
    meter: kind.meter,
    context: terms.context,
    reserveUnits: order.reserveUnits,
    maxAgeMs: order.teamMaxAgeMs ?? null,
    worstCaseMilliCredits: order.worstCaseMilliCredits,
    call: async () => {
      const answer = await order.call()
      return {
        data: answer.data,
        raw: answer.raw,
        httpStatus: answer.meta.httpStatus,
        durationMs: answer.meta.durationMs,
      }
    },
    charge: (data) => kind.charge(data, order.context),
    mayHaveBilled,
    audit: {
      provider: order.audit.provider,
      action: order.audit.action,
      reason: order.audit.reason,
      platform: platform ?? null,
      creatorRef: teamCreatorRef(terms.context),
    },
    failure: (err) => ({
      outcome: failureOutcome(err),
      httpStatus: failureStatus(err),
      durationMs: failureDuration(err),
    }),
  })

  if (bought.source === 'team') {
    const data = kind.read(bought.purchase.raw, order.context)
    if (data === null)
      throw new AppError(
        'PROVIDER_ERROR',
        'A teammate bought this already, but what they received cannot be read by this version of Creator Desk. Nothing was charged.',
        { purchaseKey: terms.key },
      )
    const { units, milliCredits } = bought.purchase
    const entry: JournalEntry = {
      id: bought.purchase.id,
      key: order.key,
      kind: kind.name,
      provider: kind.provider,
      context: order.context,
      raw: bought.purchase.raw,
      reservation: null,
      charge: { units, milliCredits },
      audit: { ...order.audit, outcome: 'team_cache', cacheHit: true, savedUnits: units },
      boughtAt: bought.purchase.boughtAt,
    }
    const result = await keepAndStore(deps, kind, entry, data)
    return { result, data, fromTeam: true, units: 0, milliCredits: 0 }
  }

  const { entry: published } = bought
  const entry: JournalEntry = {
    id: published.id,
    key: order.key,
    kind: kind.name,
    provider: kind.provider,
    context: order.context,
    raw: published.raw,
    reservation: null,
    charge: { units: published.units, milliCredits: published.milliCredits },
    audit: {
      ...order.audit,
      outcome: 'ok',
      httpStatus: published.httpStatus ?? null,
      durationMs: published.audit.durationMs ?? 0,
      costUnits: published.units,
      costMilliCredits: published.milliCredits,
    },
    boughtAt: deps.clock.now().toISOString(),
  }
  const result = await keepAndStore(deps, kind, entry, bought.data)
  return { result, data: bought.data, units: published.units, milliCredits: published.milliCredits }
}

/** The creator a team purchase is about, when its context names one. */
function teamCreatorRef(context: unknown): string | null {
  const c = context as { platform?: unknown; providerId?: unknown } | null
  return isPlatform(c?.platform) && typeof c.providerId === 'string'
    ? creatorRef(c.platform, c.providerId)
    : null
}
