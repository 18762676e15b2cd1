import type { Platform } from '../../../src/shared/platforms'
import { creatorRef, teamReportKey } from '../../../src/main/team/keys'
import type { TeamOrder } from '../../../src/main/team/team-purchase'
import type { FakeProvider } from './fake-provider'

/** An error whose answer may have been billed (a timeout after the request went out). */
export class LostAnswer extends Error {
  readonly billed = true
}

/** A report purchase as the app would make it in team mode, against the fake provider. */
export function reportOrder(
  provider: FakeProvider,
  providerId: string,
  options: { platform?: Platform; maxAgeMs?: number | null } = {},
): TeamOrder<{ units: number }> {
  const platform = options.platform ?? 'instagram'
  const key = teamReportKey(platform, providerId)
  return {
    key,
    kind: 'report',
    provider: 'modash',
    meter: 'report',
    context: { platform, providerId },
    reserveUnits: 1,
    maxAgeMs: options.maxAgeMs === undefined ? 30 * 86_400_000 : options.maxAgeMs,
    worstCaseMilliCredits: (units) => units * 1_000,
    call: () => provider.report(key, providerId),
    charge: (data) => ({ units: data.units, milliCredits: data.units * 1_000 }),
    mayHaveBilled: (err) => err instanceof LostAnswer,
    audit: {
      provider: 'modash',
      action: 'report',
      reason: 'select',
      platform,
      creatorRef: creatorRef(platform, providerId),
    },
    failure: (err) => ({ outcome: err instanceof LostAnswer ? 'timeout' : 'error' }),
  }
}
