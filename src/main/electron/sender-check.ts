import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { isRendererUrl } from './renderer-location'
import type { RendererLocation } from './renderer-location'

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

/**
 * An IPC call is ours only if it comes from our window's web contents, from its top frame (not
 * an iframe), showing our page. Anything else is refused before its input is even parsed.
 */
export function createSenderCheck(options: {
  mainContents: () => WebContents | null
  location: RendererLocation
}): (event: SenderEvent) => boolean {
  return (event) => {
    const contents = options.mainContents()
    if (contents === null || event.sender !== contents) return false
    const frame = event.senderFrame
    if (frame === null || frame.parent !== null) return false
    const main = contents.mainFrame
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
    return isRendererUrl(options.location, frame.url)
  }
}
