import type { Meter } from '../../shared/domain'
import type { ErrorInfo } from '../../shared/errors'

/** What the audit row of a team call says; who made it is the signed-in role, never this. */
export interface TeamAudit {
  provider: 'modash' | 'clay'
  action: string
  reason: string
  platform?: string | null
  /** "platform:provider id": the creator on every laptop, whatever its local row id. */
  creatorRef?: string | null
  outcome?: string
  httpStatus?: number | null
  durationMs?: number
  cacheHit?: boolean
  savedUnits?: number
}

/** Integers only: units of the meter, and Modash milli-credits. */
export interface TeamCharge {
  units: number
  milliCredits: number
}

export interface TeamReservation {
  id: number
  meter: Meter
  units: number
  worstCaseMilliCredits: number
  purchaseKey: string | null
  /** The billing period it counts in (server time). */
  month: string
  expiresAt: string
}

/** A purchase kept on the team database: what any laptop of the team can use for free. */
export interface TeamPurchase {
  id: string
  key: string
  kind: string
  provider: 'modash' | 'clay'
  meter: Meter
  /** What the laptop asked for, in team-wide terms (no local row ids). */
  context: unknown
  /** The body as the provider sent it, parsed; undefined when none was kept. */
  raw: unknown
  units: number
  milliCredits: number
  httpStatus: number | null
  boughtBy: string
  /** Server time when the call was sent. */
  boughtAt: string
}

/** What a laptop publishes after a paid call (see `publishPurchase`). */
export interface TeamPurchaseEntry {
  /** A UUID; use the same id for the laptop's own journal and `purchases` row. */
  id: string
  key: string
  kind: string
  provider: 'modash' | 'clay'
  meter: Meter
  context: unknown
  raw: unknown
  units: number
  milliCredits: number
  httpStatus?: number | null
  reservationId: number | null
  claimToken?: string | null
  audit: TeamAudit
}

export type PublishStatus = 'published' | 'duplicate' | 'queued'

export type TeamClaim =
  | { status: 'bought'; purchase: TeamPurchase }
  | { status: 'claimed'; key: string; token: string; expiresAt: string }

export interface TeamChange {
  type: 'purchase'
  purchase: TeamPurchase
}

export interface TeamPull {
  changes: TeamChange[]
  /** Pass back to the next pull. Opaque. */
  cursor: string
  /** More changes are ready now: pull again. */
  more: boolean
}

/** A push from the server (LISTEN/NOTIFY): a signal to pull or refresh, never the data. */
export type TeamEvent =
  | { type: 'purchase'; key: string; meter: Meter }
  | { type: 'usage'; meter: Meter }
  | { type: 'claim'; key: string }
  /** (Re)connected: notifications may have been missed while away, so pull now. */
  | { type: 'connected' }
  | { type: 'disconnected'; error: ErrorInfo }

export interface TeamMeterStatus {
  meter: Meter
  used: number
  reserved: number
  limit: number | null
  usedMilliCredits: number
  /** This manager's share, and the cap an admin set for them (null: none). */
  mine: { used: number; reserved: number; cap: number | null }
}

export interface TeamStatus {
  state: 'online' | 'unreachable'
  user: string
  /** Why it is unreachable (or the last error), in plain words. */
  error?: ErrorInfo
  teamId: string | null
  month: string | null
  periodStart: string | null
  resetsAt: string | null
  /** The meters as last read: live when online, the last known values when not. */
  meters: TeamMeterStatus[]
  readAt: string | null
  /** Purchases and ledger calls waiting on this laptop for the server. */
  outboxWaiting: number
  /** Whether pushes (LISTEN) are live. */
  live: boolean
}
