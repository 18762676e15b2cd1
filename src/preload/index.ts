import { contextBridge, ipcRenderer } from 'electron'
import type { CreatorDeskApi } from '../shared/api'
import { CHANNEL_NAMES } from '../shared/channel-names'

/**
 * `window.api`: one function per contract channel and nothing else. The page never sees
 * `ipcRenderer`, so it can only ask for what the contract lists, and main checks every input.
 * Built from `CHANNEL_NAMES`, so a channel added to the contract is exposed without edits here;
 * the result and input types come from `CreatorDeskApi`, which is keyed by the same names.
 */
function buildApi(): CreatorDeskApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const channel of CHANNEL_NAMES) {
    api[channel] = (input) => ipcRenderer.invoke(channel, input) as Promise<unknown>
  }
  return Object.freeze(api) as CreatorDeskApi
}

const api = buildApi() satisfies CreatorDeskApi

contextBridge.exposeInMainWorld('api', api)
