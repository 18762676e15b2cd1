import { AppError } from '../../../shared/errors'
import { parseInvite } from '../../team/invite'
import type { TeamInvite } from '../../team/invite'
import type { TeamClient } from '../../team/team-client'
import type { TeamStatus } from '../../team/types'

/**
 * What joining checks before anything is kept, each refusal in plain words and marked as the
 * team's (`details.team`), so the renderer names the team database rather than a provider.
 */

/** The invitation's own words when it is not one; never the invitation itself. */
export function readInvite(invite: string): TeamInvite {
  try {
    return parseInvite(invite)
  } catch (err) {
    const error = asAppError(err)
    throw new AppError(error.code, error.message, { ...error.details, team: 'invite' })
  }
}

/**
 * Joins only when the server answers, signs this manager in and has a schema this version can
 * use: `status()` refuses a wrong password, an untrusted certificate and an older or newer
 * schema with their own typed errors, and answers "unreachable" when there is no server.
 */
export async function testConnection(client: TeamClient, server: string): Promise<TeamStatus> {
  const status = await client.status()
  if (status.state === 'online') return status
  throw new AppError(
    'PROVIDER_UNAVAILABLE',
    `The team database at ${server} cannot be reached, so the team was not joined. Check your ` +
      'network, or ask your admin whether the server is running and the address is right, then ' +
      'try again.',
    { team: 'unreachable' },
  )
}

export function asAppError(err: unknown): AppError {
  return err instanceof AppError
    ? err
    : new AppError('INTERNAL', err instanceof Error ? err.message : String(err))
}
