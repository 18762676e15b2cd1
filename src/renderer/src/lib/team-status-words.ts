import type { TeamModeStatus } from '../../../shared/team-contract'
import { formatDateTime, plural } from './format'

/** Settings → Team's status line, in plain words: who, where, and whether paid calls can go. */
export function teamStatusLines(status: TeamModeStatus): string[] {
  if (status.mode === 'solo') {
    return [
      'Solo: this laptop keeps its own quota and cache, and needs no server. Join a team with ' +
        'the invitation your admin made with npm run team:add-user.',
    ]
  }
  const lines: string[] = []
  const who = status.user ? `Signed in as ${status.user}` : 'In a team'
  const where = status.server ? ` on ${status.server}` : ''
  const from = status.from === 'environment' ? ' (from TEAM_DATABASE_URL, for this run)' : ''
  lines.push(`${who}${where}${from}.`)
  if (status.state === 'online') {
    lines.push(
      status.live
        ? "Online: paid calls count on the team's quota, and teammates' purchases arrive as they happen."
        : "Online: paid calls count on the team's quota. Teammates' purchases arrive at the next check.",
    )
  } else {
    lines.push(
      status.error?.message ??
        'The team database cannot be reached: paid calls are paused; cached data still works.',
    )
  }
  if (status.lastPull) {
    lines.push(
      `This laptop's copy caught up with the team at ${formatDateTime(status.lastPull.at)} ` +
        `(${plural(status.lastPull.applied, 'new purchase')}).`,
    )
  }
  if (status.outboxWaiting) {
    lines.push(
      `${plural(status.outboxWaiting, 'record')} of paid calls ${status.outboxWaiting === 1 ? 'is' : 'are'} ` +
        'waiting on this laptop to reach the team database; they are sent when it answers.',
    )
  }
  return lines
}
