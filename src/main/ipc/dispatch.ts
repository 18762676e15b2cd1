import { AppError, isAppError } from '../../shared/errors'
import { toStorageError } from '../db/storage-errors'
import { markParsed, validationError } from '../services/input'
import type { Envelope } from '../../shared/errors'
import { CHANNELS, isChannel } from '../../shared/ipc-contract'
import type { Channel, ChannelInput, ChannelResult } from '../../shared/ipc-contract'

export type Handlers = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>>
}

/**
 * The single entry for every IPC call, from Electron or the browser bridge: parse the input
 * against the contract, run the handler, and always answer with an envelope. Nothing thrown
 * escapes, and an unexpected error is reported without its internals.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  onUnexpected: (err: unknown) => void = () => {},
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: `Unknown channel "${channel.slice(0, 80)}"` },
    }
  }
  const parsed = CHANNELS[channel].safeParse(rawInput)
  if (!parsed.success) {
    return { ok: false, error: validationError(`input for ${channel}`, parsed.error).toInfo() }
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    // Parsed once, here: the service taking it does not parse it again (`markParsed`).
    return { ok: true, data: await handler(markParsed(CHANNELS[channel], parsed.data)) }
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: err.toInfo() }
    // A database failure anywhere is named plainly (locked, full, damaged), never "INTERNAL".
    const storage = toStorageError(err, 'The local database could not be used')
    if (storage) return { ok: false, error: storage.toInfo() }
    onUnexpected(err)
    return {
      ok: false,
      error: new AppError('INTERNAL', 'Something went wrong inside Creator Desk.').toInfo(),
    }
  }
}
