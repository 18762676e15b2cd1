import type { IncomingHttpHeaders } from 'node:http'

/**
 * Only pages the preview itself served may talk to it. A foreign Host means DNS rebinding (an
 * outside page that resolved its own name to 127.0.0.1); a foreign Origin means another site
 * or local page posting at us. Requests without an Origin (the browser's own navigation, or any
 * local program) pass this check: the run's token is what keeps programs out (`preview-token`).
 */
export function isOwnLoopbackRequest(headers: IncomingHttpHeaders, port: number): boolean {
  const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  if (headers.host === undefined || !own.has(headers.host.toLowerCase())) return false
  const origin = headers.origin
  if (origin === undefined) return true
  return own.has(origin.toLowerCase().replace(/^http:\/\//, '')) && origin.startsWith('http://')
}
