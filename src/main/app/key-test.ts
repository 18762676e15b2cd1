import { isAppError } from '../../shared/errors'
import type { ChannelResult } from '../../shared/ipc-contract'
import type { ProviderClients } from './provider-clients'

/**
 * `keys:test`: a call that costs nothing, made in main with the key this run uses. The answer
 * says whether it worked, never what the key is.
 */
export async function testProviderKey(
  key: 'modash' | 'clay',
  clients: Pick<ProviderClients, 'modash' | 'clay' | 'configured'>,
): Promise<ChannelResult<'keys:test'>> {
  if (key === 'modash') {
    if (!clients.configured('modash')) return { ok: false, message: 'No Modash API key is set.' }
    try {
      const { data } = await clients.modash.userInfo()
      return {
        ok: true,
        message: `Modash accepted the key (${Math.floor(data.billing.credits)} credits left).`,
      }
    } catch (err) {
      return { ok: false, message: isAppError(err) ? err.message : 'Modash could not be reached.' }
    }
  }
  if (!clients.configured('clay')) return { ok: false, message: 'No Clay API key is set.' }
  if (!clients.configured('clayRoutine')) {
    return { ok: false, message: 'The Clay API key is set, but the email routine id is not.' }
  }
  try {
    await clients.clay.me()
    return { ok: true, message: 'Clay accepted the key.' }
  } catch (err) {
    return { ok: false, message: isAppError(err) ? err.message : 'Clay could not be reached.' }
  }
}
