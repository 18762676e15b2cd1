import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ClayRunFault } from './types'

/** What a route decided to answer, before any injected fault mangles it. */
export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** Clay has no error codes: the status is the category and the body only carries text. */
export function errorReply(status: number, message: string, headers?: Record<string, string>) {
  return { status, body: { message }, headers } satisfies Reply
}

/** Clay's run requests are tiny; anything this big is refused before it is parsed. */
export const MAX_REQUEST_BYTES = 1024 * 1024

/** The whole request body, or null when it is over the limit (the rest is discarded). */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size <= MAX_REQUEST_BYTES) chunks.push(buffer)
  }
  return size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString('utf8')
}

/** Writes the reply, corrupted as the fault asks (the work behind it has already been done). */
export function sendReply(res: ServerResponse, reply: Reply, fault: ClayRunFault | null): void {
  let text = JSON.stringify(reply.body)
  let contentType = 'application/json; charset=utf-8'
  if (fault?.kind === 'malformed-json') text = `{"message": oops ${text.length}`
  if (fault?.kind === 'truncated-json') text = text.slice(0, Math.floor(text.length / 2))
  if (fault?.kind === 'wrong-content-type') contentType = 'text/html; charset=utf-8'
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}
