import { createServer } from 'node:http'
import type { RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
export const PNG_DATA_URL = `data:image/png;base64,${PNG.toString('base64')}`

export interface RecordingServer {
  port: number
  /** Every TCP connection, counted before any byte: "nothing fetched" means this stays 0. */
  connections: number
  /** `Host` header and path of every request that got through. */
  requests: { host: string; url: string }[]
  reset(): void
  close(): Promise<void>
}

/** A real HTTP server on a loopback address that remembers who reached it. */
export async function startRecordingServer(
  host: string,
  handler: RequestListener,
): Promise<RecordingServer> {
  const server = createServer((req, res) => {
    state.requests.push({ host: req.headers.host ?? '', url: req.url ?? '' })
    handler(req, res)
  })
  const state: RecordingServer = {
    port: 0,
    connections: 0,
    requests: [],
    reset() {
      state.connections = 0
      state.requests = []
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  server.on('connection', () => {
    state.connections += 1
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  state.port = (server.address() as AddressInfo).port
  return state
}
