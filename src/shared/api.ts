import type { Envelope } from './errors'
import type { Channel, ChannelInput, ChannelResult } from './ipc-contract'

/**
 * `window.api`: one intent-named function per channel, each returning the envelope. Built from the
 * contract by the preload (Electron) and by the browser bridge (preview), so both are this type.
 */
export type CreatorDeskApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelResult<C>>>
}
