import type { Envelope } from '../../src/shared/errors'
import type { ChannelInput, ChannelResult } from '../../src/shared/ipc-contract'
import type { TEAM_CHANNELS, TeamModeStatus } from '../../src/shared/team-contract'

type TeamChannel = keyof typeof TEAM_CHANNELS
type Result<C extends TeamChannel> =
  Envelope<ChannelResult<C>> | Promise<Envelope<ChannelResult<C>>>
export type TeamHandlers = { [C in TeamChannel]: (input: ChannelInput<C>) => Result<C> }

const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

/** A good invitation as the fake accepts it (the real one is checked by main). */
export const FAKE_INVITE =
  'cdteam1.eyJjb25uZWN0aW9uU3RyaW5nIjoicG9zdGdyZXNxbDovL2RhbmFAZGIvdGVhbSJ9'

/** Team mode in miniature: solo until joined with any invitation, solo again when left. */
export class FakeTeam {
  status: TeamModeStatus = { mode: 'solo' }

  handlers(): TeamHandlers {
    return {
      'team:status': () => ok(this.status),
      'team:join': () => {
        this.status = {
          mode: 'team',
          user: 'dana',
          server: 'db.example.com:5432/agency',
          from: 'settings',
          state: 'online',
          outboxWaiting: 0,
          live: true,
        }
        return ok(this.status)
      },
      'team:leave': () => {
        this.status = { mode: 'solo' }
        return ok(this.status)
      },
    }
  }
}
