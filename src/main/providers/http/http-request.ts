/**
 * One HTTP exchange with a deadline, returning the status, headers and the parsed JSON body (or
 * why it could not be parsed). Transport failures come back as `{ kind: 'network' }` so callers
 * decide what is retryable; nothing here throws for a bad response.
 */
export interface HttpRequest {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: unknown
  timeoutMs: number
}

export type HttpOutcome =
  | {
      kind: 'response'
      status: number
      headers: Headers
      json: unknown
      jsonError: string | null
      durationMs: number
    }
  | {
      kind: 'network'
      reason: 'timeout' | 'refused' | 'other'
      message: string
      durationMs: number
      /**
       * The status when the failure came after the response's head: the server had already
       * answered (and, for a 200 from a paid route, billed) when the body was lost.
       */
      status?: number
    }

/** Bodies larger than this are refused as malformed: no provider answer we use comes close. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024

export async function httpRequest(req: HttpRequest): Promise<HttpOutcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), req.timeoutMs)
  let status: number | undefined
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers }
    if (req.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(req.url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: controller.signal,
      redirect: 'error',
    })
    status = res.status
    // The deadline covers the body too: a slow body is a timeout, not a hang.
    const text = await res.text()
    if (text.length > MAX_BODY_BYTES) {
      return {
        kind: 'response',
        status: res.status,
        headers: res.headers,
        json: undefined,
        jsonError: 'body too large',
        durationMs: elapsed(),
      }
    }
    const contentType = res.headers.get('content-type') ?? ''
    if (!contentType.includes('application/json')) {
      return {
        kind: 'response',
        status: res.status,
        headers: res.headers,
        json: undefined,
        jsonError: `unexpected content type "${contentType}"`,
        durationMs: elapsed(),
      }
    }
    try {
      return {
        kind: 'response',
        status: res.status,
        headers: res.headers,
        json: JSON.parse(text) as unknown,
        jsonError: null,
        durationMs: elapsed(),
      }
    } catch {
      return {
        kind: 'response',
        status: res.status,
        headers: res.headers,
        json: undefined,
        jsonError: 'malformed JSON',
        durationMs: elapsed(),
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const answered = status === undefined ? {} : { status }
    if (controller.signal.aborted)
      return {
        kind: 'network',
        reason: 'timeout',
        message: `no answer within ${req.timeoutMs} ms`,
        durationMs: elapsed(),
        ...answered,
      }
    const cause = (err as { cause?: { code?: string } }).cause
    const refused = cause?.code === 'ECONNREFUSED'
    return {
      kind: 'network',
      reason: refused ? 'refused' : 'other',
      message: cause?.code ?? message,
      durationMs: elapsed(),
      ...answered,
    }
  } finally {
    clearTimeout(timer)
  }
}
