import { AppError, isAppError } from '../../shared/errors'
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
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Invalid input for ${channel}: ${where}${issue?.message ?? 'invalid'}`,
        details: {
          issues: parsed.error.issues
            .slice(0, 10)
            .map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      },
    }
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    return { ok: true, data: await handler(parsed.data) }
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: err.toInfo() }
    onUnexpected(err)
    return {
      ok: false,
      error: new AppError('INTERNAL', 'Something went wrong inside Creator Desk.').toInfo(),
    }
  }
}
