import type { WebContents } from 'electron'
import { openExternalLink } from './external-links'
import type { OpenExternal } from './external-links'

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

const guarded = new WeakSet<GuardedContents>()

/**
 * The renderer is a single page: it never navigates away from itself, opens no windows and hosts
 * no webviews. Web links the user clicks go to the system browser instead.
 */
export function guardWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  // Guarded from two places (every new web contents, and the main window itself); listening
  // twice would open a clicked link twice.
  if (guarded.has(contents)) return
  guarded.add(contents)
  contents.setWindowOpenHandler((details) => {
    openExternalLink(details.url, openExternal)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    openExternalLink(url, openExternal)
  })
  // Covers subframes and server redirects as well; nothing else is ever a legitimate target.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
}
