import type { IpcMain } from 'electron'
import type { Envelope } from '../../shared/errors'
import { CHANNEL_NAMES } from '../../shared/ipc-contract'
import { dispatch } from '../ipc/dispatch'
import type { Handlers } from '../ipc/dispatch'
import type { SenderEvent } from './sender-check'

export const FORBIDDEN_ENVELOPE: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Creator Desk window.' },
}

/**
 * One `ipcMain.handle` per contract channel, each checking the sender and then going through
 * `dispatch`, so every answer is an envelope. Returns a function that removes them again.
 */
export function registerIpcHandlers(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  handlers: Handlers
  isTrustedSender: (event: SenderEvent) => boolean
  onUnexpected: (err: unknown) => void
}): () => void {
  for (const channel of CHANNEL_NAMES) {
    options.ipcMain.handle(channel, (event, input: unknown) => {
      if (!options.isTrustedSender(event)) return Promise.resolve(FORBIDDEN_ENVELOPE)
      return dispatch(options.handlers, channel, input, options.onUnexpected)
    })
  }
  return () => {
    for (const channel of CHANNEL_NAMES) options.ipcMain.removeHandler(channel)
  }
}
