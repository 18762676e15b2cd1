import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiKeyRegistry } from './auth'
import { FaultQueues } from './faults'
import { errorReply, readBody, sendReply } from './http-io'
import type { Reply } from './http-io'
import { KeyRateLimiter } from './rate-limit'
import { resolveRoutines } from './routines'
import { API_PREFIX, matchRoute, serveRoute } from './routes'
import type { RouteContext } from './routes'
import { RunStore } from './runs'
import type {
  ClayCallRecord,
  ClayEmulator,
  ClayEmulatorOptions,
  ClayRoute,
  ClayRunFault,
} from './types'

/**
 * Starts a loopback server speaking Clay's Public API v0 (`docs/providers.md` §2.6–2.8), with
 * fixtures, a credit meter, an optional rate limit and injectable faults for tests.
 */
export async function startClayEmulator(options: ClayEmulatorOptions): Promise<ClayEmulator> {
  const registry = new ApiKeyRegistry(options.apiKeys)
  const runs = new RunStore({
    emails: options.emails,
    failItems: options.failItems ?? new Set(),
    pollsUntilDone: options.pollsUntilDone ?? (options.msUntilDone === undefined ? 1 : 0),
    msUntilDone: options.msUntilDone ?? 0,
  })
  const ctx: RouteContext = {
    registry,
    runs,
    routines: resolveRoutines(options.routines),
    limiter: options.rateLimit ? new KeyRateLimiter(options.rateLimit) : null,
  }
  const faults = new FaultQueues()
  const calls: ClayCallRecord[] = []
  const delays = new Set<NodeJS.Timeout>()
  let closing = false
  let closed: Promise<void> | null = null

  const record = (
    req: IncomingMessage,
    route: ClayRoute | 'unknown',
    status: number | null,
    fault?: ClayRunFault,
  ) => {
    const url = req.url ?? '/'
    calls.push({ route, url, status, at: Date.now(), ...(fault ? { fault: fault.kind } : {}) })
  }

  // Pending delays are dropped on close so a test's teardown never waits for them.
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer)
        resolve()
      }, ms)
      delays.add(timer)
    })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const match = matchRoute(req.method ?? 'GET', url.pathname)
    if (!('route' in match)) {
      sendReply(res, match, null)
      record(req, 'unknown', match.status)
      return
    }
    const body = match.route === 'run' ? await readBody(req) : ''
    const fault = faults.take(match.route)
    switch (fault?.kind) {
      case 'status': {
        const headers: Record<string, string> = {}
        // Clay always sends Retry-After with a 429.
        const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined)
        if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter)
        const message = fault.message ?? `Injected ${fault.status}`
        sendReply(res, errorReply(fault.status, message, headers), null)
        record(req, match.route, fault.status, fault)
        return
      }
      case 'respond':
        sendReply(res, { status: fault.status, body: fault.body }, null)
        record(req, match.route, fault.status, fault)
        return
      case 'reset':
        req.socket.destroy()
        record(req, match.route, null, fault)
        return
      case 'hang':
        record(req, match.route, null, fault)
        return
      case 'delay':
        await delay(fault.ms)
        if (closing) return
        break
      default:
        break
    }
    let reply: Reply
    try {
      reply = serveRoute(ctx, match, { url, apiKeyHeader: req.headers['clay-api-key'], body })
    } catch {
      reply = errorReply(500, 'Internal server error')
    }
    if (fault?.kind === 'accept-then-reset') {
      req.socket.destroy()
      record(req, match.route, null, fault)
      return
    }
    sendReply(res, reply, fault)
    record(req, match.route, reply.status, fault ?? undefined)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
    close() {
      closing = true
      closed ??= new Promise<void>((resolve, reject) => {
        for (const timer of delays) clearTimeout(timer)
        delays.clear()
        server.close((err) => (err ? reject(err) : resolve()))
        // Hanging requests and idle keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections()
      })
      return closed
    },
    setCredits: (apiKey, credits) => registry.setCredits(apiKey, credits),
    credits: (apiKey) => registry.credits(apiKey),
    injectFaults: (route: ClayRoute | 'any', injected: readonly ClayRunFault[]) =>
      faults.inject(route, injected),
    finishRun: (runId) => runs.finish(runId),
    failRun: (runId, status = 'failed') => runs.failRun(runId, status),
    forgetRun: (runId) => runs.forgetRun(runId),
    failNextRuns: (count, status = 'failed') => runs.failNextRuns(count, status),
    runs: () => runs.list(),
    calls: () => calls.map((call) => ({ ...call })),
  }
}
