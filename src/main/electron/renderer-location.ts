import { pathToFileURL } from 'node:url'

/** Where our page lives: the built file in the app, or the Vite dev server in development. */
export type RendererLocation = { kind: 'file'; url: string } | { kind: 'dev'; url: string }

export function rendererLocation(options: {
  isPackaged: boolean
  devServerUrl: string | undefined
  indexHtmlPath: string
}): RendererLocation {
  // A packaged app never trusts the environment to point it at another page.
  if (!options.isPackaged && options.devServerUrl) {
    return { kind: 'dev', url: new URL(options.devServerUrl).href }
  }
  return { kind: 'file', url: pathToFileURL(options.indexHtmlPath).href }
}

/**
 * Whether `url` is our page. A file page is matched on its exact path (any file:// URL shares
 * the opaque "null" origin, so origin alone would trust every local file); the dev server on its
 * origin. Query and fragment are the page's own business.
 */
export function isRendererUrl(location: RendererLocation, url: string): boolean {
  let candidate: URL
  try {
    candidate = new URL(url)
  } catch {
    return false
  }
  const ours = new URL(location.url)
  if (location.kind === 'dev') return candidate.origin === ours.origin
  return (
    candidate.protocol === 'file:' &&
    candidate.host === ours.host &&
    candidate.pathname === ours.pathname
  )
}
