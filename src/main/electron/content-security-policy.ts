import type { Session } from 'electron'

export interface CspOptions {
  /** The Vite dev server, whose hot reload needs inline scripts, inline styles and a socket. */
  devServerUrl?: string
}

/**
 * The renderer's policy: only its own files run, it talks to nothing but itself (main does all
 * networking and hands pictures over as data: URLs), and it cannot be framed or re-based.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerUrl === undefined ? null : new URL(options.devServerUrl)
  const devSocket = dev === null ? '' : ` ws://${dev.host}`
  const inline = dev === null ? '' : " 'unsafe-inline'"
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `connect-src 'self'${devSocket}`,
    "img-src 'self' data:",
    `style-src 'self'${inline}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Sends the policy with every response the session loads, replacing any the server sent. */
export function installCsp(session: Pick<Session, 'webRequest'>, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [policy]
    callback({ responseHeaders: headers })
  })
}
