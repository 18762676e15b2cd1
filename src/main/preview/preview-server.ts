import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Envelope } from '../../shared/errors'
import { isChannel } from '../../shared/ipc-contract'
import { contentSecurityPolicy } from '../electron/content-security-policy'
import { dispatch } from '../ipc/dispatch'
import type { Handlers } from '../ipc/dispatch'
import { BRIDGE_PATH, bridgeScript, injectBridge } from './bridge-script'
import { isOwnLoopbackRequest } from './loopback-guard'
import { PREVIEW_TOKEN_HEADER, checkedToken, previewToken, tokenMatches } from './preview-token'
import { readStaticFile } from './static-files'
import { readBody } from './request-body'

export const MAX_IPC_BODY_BYTES = 5 * 1024 * 1024

export interface PreviewServerOptions {
  handlers: Handlers
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  port: number
  /** The run's token (`PREVIEW_TOKEN`); random when absent. */
  token?: string
  onUnexpected?: (err: unknown) => void
}

export interface PreviewServer {
  /** The server's root, for HTTP calls; the page itself is only served at `pageUrl`. */
  url: string
  port: number
  /** What every `/ipc` call must send as `x-preview-token`. */
  token: string
  /** The address to open: the root with the token, which is what unlocks the page. */
  pageUrl: string
  close(): Promise<void>
}

const NO_TOKEN = `<!doctype html><meta charset="utf-8"><title>Creator Desk preview</title>
<p>Open the address the preview printed when it started: it carries this run's token.</p>`

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Creator Desk preview</title>
<p>The renderer is not built yet: run <code>npx electron-vite build</code>, then reload.</p>`

/**
 * The renderer in a plain browser against the real main-process services: the same handler table
 * the Electron app registers, reached over loopback HTTP instead of IPC.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const bridge = bridgeScript()
  const token = options.token === undefined ? previewToken(undefined) : checkedToken(options.token)
  const csp = contentSecurityPolicy()
  let port = options.port

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isOwnLoopbackRequest(req.headers, port)) return send(res, 403, 'text/plain', 'Forbidden')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname
    if (path.startsWith('/ipc/')) {
      // Host and Origin stop web pages; only the token stops another program on this machine.
      if (!tokenMatches(token, req.headers[PREVIEW_TOKEN_HEADER])) {
        res.shouldKeepAlive = false
        return send(res, 403, 'text/plain', 'Missing or wrong preview token')
      }
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST')
      const channel = safeDecode(path.slice('/ipc/'.length))
      if (channel === null || !isChannel(channel))
        return send(res, 404, 'text/plain', 'Unknown channel')
      const body = await readBody(req, MAX_IPC_BODY_BYTES)
      if (body === null) {
        res.shouldKeepAlive = false
        return send(res, 413, 'text/plain', 'Request body too large')
      }
      const input = parseJson(body)
      const envelope =
        input === MALFORMED
          ? MALFORMED_ENVELOPE
          : await dispatch(options.handlers, channel, input, options.onUnexpected)
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Use GET')
    if (path === BRIDGE_PATH) return send(res, 200, 'text/javascript; charset=utf-8', bridge)
    if (path === '/' || path === '/index.html') {
      // The page carries the token, so it goes only to whoever was given the token.
      if (!tokenMatches(token, url.searchParams.get('token'))) {
        return send(res, 403, 'text/html; charset=utf-8', NO_TOKEN, csp)
      }
      const index = await readStaticFile(options.rendererDir, 'index.html')
      const html = index === null ? NOT_BUILT : injectBridge(index.body.toString('utf8'), token)
      return send(res, 200, 'text/html; charset=utf-8', html, csp)
    }
    const file = await readStaticFile(options.rendererDir, path)
    // Browsers ask for a favicon on their own; a 404 would be noise in every console.
    if (file === null && path === '/favicon.ico') return send(res, 204, 'image/x-icon', '')
    if (file === null) return send(res, 404, 'text/plain', 'Not found')
    return send(res, 200, file.contentType, file.body, csp)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.onUnexpected?.(err)
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error')
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    pageUrl: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  csp?: string,
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The page's address holds the token; no request may carry it elsewhere as a Referer.
    'referrer-policy': 'no-referrer',
    ...(csp === undefined ? {} : { 'content-security-policy': csp }),
  })
  res.end(body)
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

const MALFORMED = Symbol('malformed JSON')
/** Broken JSON is an invalid input like any other, answered the way `dispatch` answers those. */
const MALFORMED_ENVELOPE: Envelope<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' },
}

function parseJson(body: string): unknown {
  // No body is how `ipcRenderer.invoke(channel)` without input arrives, too.
  if (body === '') return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return MALFORMED
  }
}
