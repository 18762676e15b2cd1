import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One canned answer: a status and a JSON body (or raw text, for bodies JSON cannot hold). */
export interface FixtureReply {
  status: number
  body?: unknown
  /** Sent as is instead of `body`, e.g. a number JSON.stringify would not write (`1e999`). */
  text?: string
  headers?: Record<string, string>
}

export interface RecordedRequest {
  method: string
  /** Path under the base URL, e.g. `/instagram/search`. */
  path: string
  query: Record<string, string>
  headers: IncomingHttpHeaders
  body: string
}

export interface FixtureServer {
  /** Ends with `/v1` like Modash's, so clients build the same paths as in production. */
  baseUrl: string
  /**
   * Answers `METHOD /path` with these replies in turn; the last one is repeated, so a single
   * reply answers every call and a list scripts a sequence (e.g. 429, then 200).
   */
  answer(route: string, ...replies: FixtureReply[]): void
  requests(): RecordedRequest[]
  close(): Promise<void>
}

const BASE_PATH = '/v1'

/**
 * A tiny loopback HTTP server answering recorded bodies, so contract tests drive the real client
 * over real HTTP against exactly the bytes a provider sent. A route nobody scripted answers 599
 * with a body naming it, which no client mistakes for a success.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, FixtureReply[]>()
  const recorded: RecordedRequest[] = []

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const path = url.pathname.startsWith(BASE_PATH)
        ? url.pathname.slice(BASE_PATH.length)
        : url.pathname
      const method = req.method ?? 'GET'
      recorded.push({
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      const queue = routes.get(`${method} ${path}`)
      const reply: FixtureReply = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? {
        status: 599,
        body: { error: true, code: 'fixture_missing', message: `no fixture for ${method} ${path}` },
      }
      const text = reply.text ?? JSON.stringify(reply.body)
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...reply.headers,
      })
      res.end(text)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}${BASE_PATH}`,
    answer(route, ...replies) {
      if (replies.length === 0) throw new RangeError('a route needs at least one reply')
      routes.set(route, [...replies])
    },
    requests: () => [...recorded],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
