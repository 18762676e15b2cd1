import type { Handlers } from '../../ipc/dispatch'
import type { TeamControl } from './team-control'

/** Settings → Team: how the team link is doing, joining with an invitation, leaving. */
export function teamHandlers(
  team: TeamControl,
): Pick<Handlers, 'team:status' | 'team:join' | 'team:leave'> {
  return {
    'team:status': () => team.status(),
    'team:join': (input) => team.join(input.invite),
    'team:leave': () => team.leave(),
  }
}
