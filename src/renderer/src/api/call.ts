import type { Envelope } from '../../../shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/ipc-contract'
import { getApi } from './client'
import { signalDatabaseDamaged } from './damage-signal'

/**
 * Calls one channel and always resolves to an envelope, so screens only ever handle
 * `{ok:false}` and never a thrown bridge failure.
 */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Envelope<ChannelResult<C>>> {
  let envelope: Envelope<ChannelResult<C>>
  try {
    const fn = getApi()[channel] as (i: ChannelInput<C>) => Promise<Envelope<ChannelResult<C>>>
    envelope = await fn(input)
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'The Creator Desk background service did not answer.' },
    }
  }
  // Whatever screen met it, a damaged database is answered by the recovery screen.
  if (!envelope.ok && envelope.error.details?.storage === 'damaged') signalDatabaseDamaged()
  return envelope
}
