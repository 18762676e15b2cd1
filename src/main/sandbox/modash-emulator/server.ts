import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { isPlatform } from '../../../shared/platforms'
import { extractToken } from './auth'
import { CreditLedger } from './credits'
import { DatasetIndex } from './dataset-index'
import { defaultCodeFor, FaultQueues } from './faults'
import { handle } from './handlers'
import type { HandlerContext } from './handlers'
import { errorReply, sendReply } from './http-io'
import type { Reply } from './http-io'
import { TokenRateLimiter } from './rate-limit'
import { matchRoute } from './routing'
import type { ModashCallRecord, ModashEmulator, ModashEmulatorOptions } from './types'

/**
 * Starts the Modash Discovery API emulator on loopback (`docs/providers.md` §1). Every request is
 * logged with what it cost; faults injected through the returned handle are consumed one per
 * request.
 */
export async function startModashEmulator(options: ModashEmulatorOptions): Promise<ModashEmulator> {
  const calls: ModashCallRecord[] = []
  const faults = new FaultQueues()
  const closing = new AbortController()
  const ctx: HandlerContext = {
    index: new DatasetIndex(options.dataset),
    ledger: new CreditLedger(options.tokens, options.allowOverdraft ?? false),
    limiter: options.rateLimit ? new TokenRateLimiter(options.rateLimit) : null,
    reportErrors: new Map(Object.entries(options.reportErrors ?? {})),
    rawRequests: options.rawRequests ?? 0,
    userInfoErrorField: options.userInfoErrorField ?? true,
  }
  if (!Number.isFinite(ctx.rawRequests)) throw new RangeError('rawRequests must be finite')

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const match = matchRoute(req.method ?? 'GET', url.pathname)
    const { token, auth } = extractToken(req, url.searchParams)
    const record: ModashCallRecord = {
      route: match?.route ?? 'unknown',
      platform: match && 'platform' in match && isPlatform(match.platform) ? match.platform : null,
      token,
      auth,
      status: null,
      costMilliCredits: 0,
      at: Date.now(),
    }
    calls.push(record)
    const send = async (reply: Reply, fault: Parameters<typeof sendReply>[2] = null) => {
      record.status = reply.status
      await sendReply(res, reply, fault, closing.signal)
    }
    if (match === null) return send(errorReply(404, 'not_found', 'No such route.'))
    if (match.route === 'health') return send({ status: 200, body: { status: 'ok' } })

    const fault = faults.take(match.route)
    if (fault !== null) record.fault = fault.kind
    if (fault?.kind === 'hang') return
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'delay') await sleep(fault.ms, undefined, { signal: closing.signal })
    if (fault?.kind === 'status') {
      const headers =
        fault.retryAfterSeconds === undefined
          ? undefined
          : { 'retry-after': String(fault.retryAfterSeconds) }
      const code = fault.code ?? defaultCodeFor(fault.status)
      return send(errorReply(fault.status, code, `Injected ${code}.`, headers))
    }
    const { reply, cost } = await handle(match, token, req, url.searchParams, ctx)
    record.costMilliCredits = cost
    await send(reply, fault)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      if (closing.signal.aborted) return
      if (!res.headersSent) {
        const message = err instanceof Error ? err.message : String(err)
        const reply = errorReply(500, 'internal_server_error', `Emulator error: ${message}`)
        void sendReply(res, reply, null, closing.signal)
      } else {
        res.destroy()
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
    setBalance: (token, milliCredits) => ctx.ledger.set(token, milliCredits),
    balance: (token) => ctx.ledger.balance(token),
    injectFaults: (route, list) => faults.inject(route, list),
    setReportError: (userId, code) => {
      if (code === null) ctx.reportErrors.delete(userId)
      else ctx.reportErrors.set(userId, code)
    },
    calls: () => calls.map((c) => ({ ...c })),
  }
}
