import type { Envelope } from '../../../shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/ipc-contract'
import { getApi } from './client'

/**
 * Calls one channel and always resolves to an envelope, so screens only ever handle
 * `{ok:false}` and never a thrown bridge failure.
 */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Envelope<ChannelResult<C>>> {
  try {
    const fn = getApi()[channel] as (i: ChannelInput<C>) => Promise<Envelope<ChannelResult<C>>>
    return await fn(input)
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'The Creator Desk background service did not answer.' },
    }
  }
}
