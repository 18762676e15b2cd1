import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { withUnexpectedFields } from './faults'
import type { ModashFault } from './types'

/** What a route decided to answer, before any injected fault mangles it. */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** Modash's error envelope: clients switch on `code`, never on `message`. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Reply {
  return { status, body: { error: true, code, message }, ...(headers ? { headers } : {}) }
}

/** Search bodies are small; anything this big is refused before it is parsed. */
export const MAX_REQUEST_BYTES = 256 * 1024

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_REQUEST_BYTES) throw new BodyTooLargeError('request body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Writes the reply, corrupted or slowed as the fault asks (the work behind it, billing included,
 * has already happened). `signal` aborts a slow body when the emulator closes.
 */
export async function sendReply(
  res: ServerResponse,
  reply: Reply,
  fault: ModashFault | null,
  signal: AbortSignal,
): Promise<void> {
  const body = fault?.kind === 'unexpected-fields' ? withUnexpectedFields(reply.body) : reply.body
  let text = JSON.stringify(body)
  let contentType = 'application/json; charset=utf-8'
  if (fault?.kind === 'malformed-json') text = `{"error": false, "total": oops ${text.length}}`
  if (fault?.kind === 'truncated-json') text = text.slice(0, Math.floor(text.length / 2))
  if (fault?.kind === 'wrong-content-type') {
    contentType = 'text/html; charset=utf-8'
    text = `<html><body><pre>${text}</pre></body></html>`
  }
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  })
  if (fault?.kind === 'slow-body') {
    res.flushHeaders()
    try {
      await sleep(fault.ms, undefined, { signal })
    } catch {
      return
    }
  }
  res.end(text)
}
