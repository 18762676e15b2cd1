import type { Meter } from '../../shared/domain'
import type { TeamPurchase } from './types'

/** A bigint column as a number (node-postgres returns int8 as text). Units and milli-credits fit. */
export function int(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${String(value)}`)
  return n
}

export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value)
}

export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()
}

export interface PurchaseRow {
  id: string
  purchase_key: string
  kind: string
  provider: string
  meter: string
  context: unknown
  raw: string | null
  units: string | number
  milli_credits: string | number
  http_status: number | null
  bought_by: string
  bought_at: Date | string
}

/** The columns `PurchaseRow` reads, for SELECTs of `purchases`. */
export const PURCHASE_COLUMNS =
  'id, purchase_key, kind, provider, meter, context, raw, units, milli_credits, http_status, bought_by, bought_at'

export function toPurchase(row: PurchaseRow): TeamPurchase {
  return {
    id: row.id,
    key: row.purchase_key,
    kind: row.kind,
    provider: row.provider as TeamPurchase['provider'],
    meter: row.meter as Meter,
    context: row.context,
    raw: row.raw === null ? undefined : (JSON.parse(row.raw) as unknown),
    units: int(row.units),
    milliCredits: int(row.milli_credits),
    httpStatus: row.http_status,
    boughtBy: row.bought_by,
    boughtAt: iso(row.bought_at),
  }
}
