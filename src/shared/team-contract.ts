import { z } from 'zod'
import type { ErrorInfo } from './errors'

/**
 * An invitation is one line of base64 (address, password, optionally a CA certificate of a
 * couple of kilobytes): under 4,000 characters in practice, so the contract's usual 10,000 for
 * free text leaves room for a certificate chain. Its shape is checked by main, which words a
 * wrong one plainly and never echoes it.
 */
export const INVITE_MAX_LENGTH = 10_000

/**
 * The team-mode channels, spread into `CHANNELS` (`ipc-contract.ts`): Settings → Team joins a
 * team with the invitation `npm run team:add-user` printed, shows how the link is doing, and
 * leaves. No answer ever carries the invitation or the password.
 */
export const TEAM_CHANNELS = {
  'team:status': z.strictObject({}),
  /** Tests the connection first; joins only when it works (password to the OS keychain). */
  'team:join': z.strictObject({
    invite: z.string().trim().min(1).max(INVITE_MAX_LENGTH),
  }),
  /** Back to solo: closes the link, forgets the password and the address. */
  'team:leave': z.strictObject({}),
} as const

export type TeamChannel = keyof typeof TEAM_CHANNELS

/** Team mode as Settings → Team shows it. Everything but `mode` is absent when solo. */
export interface TeamModeStatus {
  mode: 'solo' | 'team'
  /** The manager's name on the team database. */
  user?: string
  /** Where the team database is ("host:port/database"), never with a password. */
  server?: string
  /** 'environment': this run's team comes from TEAM_DATABASE_URL (browser preview). */
  from?: 'settings' | 'environment'
  state?: 'online' | 'unreachable'
  /** Why it cannot be used right now, in plain words. */
  error?: ErrorInfo
  /** Paid calls' records waiting on this laptop to reach the team database. */
  outboxWaiting?: number
  /** Whether the team's pushes arrive (a teammate's purchase shows at once). */
  live?: boolean
  /** The last time this laptop's offline copy caught up with the team, and what it added. */
  lastPull?: { at: string; applied: number }
}

export interface TeamChannelResults {
  'team:status': TeamModeStatus
  'team:join': TeamModeStatus
  'team:leave': TeamModeStatus
}
