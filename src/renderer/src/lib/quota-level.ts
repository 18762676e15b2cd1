import type { Meter, MeterUsage, QuotaStatus } from '../../../shared/domain'
import { formatInt } from './format'

export type QuotaLevel = 'ok' | 'warn' | 'danger'

/** Amber from 80 %, red from 95 %: late enough not to nag, early enough to plan the month. */
export function quotaLevel(used: number, limit: number | null): QuotaLevel {
  if (limit === null || limit <= 0) return limit === 0 && used > 0 ? 'danger' : 'ok'
  const ratio = used / limit
  if (ratio >= 0.95) return 'danger'
  if (ratio >= 0.8) return 'warn'
  return 'ok'
}

/** Reserved units are in flight and will almost surely be charged, so they count as used. */
export function meterUsed(m: MeterUsage): number {
  return m.used + m.reserved
}

/** What a header meter shows: units used, its level, how full its bar is, and its figure. */
export function meterFigures(m: MeterUsage): {
  used: number
  level: QuotaLevel
  pct: number
  text: string
} {
  const used = meterUsed(m)
  return {
    used,
    level: quotaLevel(used, m.limit),
    pct: m.limit ? Math.min(100, (used / m.limit) * 100) : 0,
    text:
      m.limit === null
        ? `${formatInt(used)} (no limit)`
        : `${formatInt(used)} / ${formatInt(m.limit)}`,
  }
}

export function meterRemaining(m: MeterUsage): number | null {
  return m.limit === null ? null : Math.max(0, m.limit - meterUsed(m))
}

export function findMeter(quota: QuotaStatus | null, meter: Meter): MeterUsage | null {
  return quota?.meters.find((m) => m.meter === meter) ?? null
}

export const METER_LABELS: Record<Meter, { name: string; unit: string; units: string }> = {
  discovery: { name: 'Discovery', unit: 'discovery result', units: 'discovery results' },
  report: { name: 'Reports', unit: 'report', units: 'reports' },
  enrichment: { name: 'Emails', unit: 'email lookup', units: 'email lookups' },
}
