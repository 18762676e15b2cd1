import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A provider that lies: a loopback HTTP proxy in front of an emulator that forwards every request
 * untouched (so the emulator serves and bills it as usual) and lets a test rewrite the JSON body
 * of the answers it picks, the way a real provider might send a row with `followers: -5`.
 */
export interface LyingProxy {
  baseUrl: string
  /** Rewrites the next answer whose path ends with `pathSuffix`; consumed once. */
  rewriteNext(pathSuffix: string, rewrite: (body: unknown) => unknown): void
  close(): Promise<void>
}

export async function startLyingProxy(targetBaseUrl: string): Promise<LyingProxy> {
  const target = new URL(targetBaseUrl)
  const rewrites: { suffix: string; rewrite: (body: unknown) => unknown }[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      // The proxy's base URL carries the target's path, so the request path is the target's.
      const url = new URL(req.url ?? '/', target.origin)
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
        ),
      )
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
      void fetch(url, { method: req.method ?? 'GET', headers, body })
        .then(async (answer) => {
          let text = await answer.text()
          const index = rewrites.findIndex((r) => url.pathname.endsWith(r.suffix))
          if (index >= 0 && answer.ok) {
            const [picked] = rewrites.splice(index, 1)
            text = JSON.stringify(picked!.rewrite(JSON.parse(text) as unknown))
          }
          res.writeHead(answer.status, { 'content-type': 'application/json' })
          res.end(text)
        })
        .catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    rewriteNext: (suffix, rewrite) => rewrites.push({ suffix, rewrite }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
