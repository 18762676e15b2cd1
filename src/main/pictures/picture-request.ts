import { request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import type { LookupFunction } from 'node:net'
import type { PictureTarget } from './picture-target'

/** What one request answered: a redirect to judge again, an image body, or nothing usable. */
export type PictureAnswer =
  | { kind: 'redirect'; location: string }
  | { kind: 'image'; bytes: Uint8Array }
  | { kind: 'refused' }

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** Formats an <img> decodes without running anything; SVG can carry script and is not here. */
export const PICTURE_CONTENT_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
const REFUSED: PictureAnswer = { kind: 'refused' }

/**
 * One GET to the vetted address and nothing else: `lookup` answers with the address that was
 * checked, so the socket cannot end up somewhere DNS said later. Redirects are returned, not
 * followed, so that the caller judges every hop. No pooled agent: a kept-alive socket to some
 * other address must not be reused.
 */
export function requestPicture(
  target: PictureTarget,
  options: { signal: AbortSignal; maxBytes: number },
): Promise<PictureAnswer> {
  return new Promise((resolve) => {
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(
      target.url,
      {
        method: 'GET',
        agent: false,
        signal: options.signal,
        lookup: pinnedLookup(target.address),
        headers: { accept: [...PICTURE_CONTENT_TYPES].join(',') },
      },
      (res) => {
        readAnswer(res, options.maxBytes).then(resolve, () => resolve(REFUSED))
      },
    )
    req.on('error', () => resolve(REFUSED))
    req.end()
  })
}

function readAnswer(res: IncomingMessage, maxBytes: number): Promise<PictureAnswer> {
  const status = res.statusCode ?? 0
  const location = res.headers.location
  if (REDIRECT_STATUSES.has(status) && location !== undefined) {
    res.destroy()
    return Promise.resolve({ kind: 'redirect', location })
  }
  const type = (res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const declared = Number(res.headers['content-length'] ?? '0')
  if (status !== 200 || !PICTURE_CONTENT_TYPES.has(type) || declared > maxBytes) {
    res.destroy()
    return Promise.resolve(REFUSED)
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      // A missing or lying Content-Length must not let a huge body fill memory.
      if (size > maxBytes) {
        res.destroy()
        resolve(REFUSED)
        return
      }
      chunks.push(chunk)
    })
    res.on('end', () => resolve({ kind: 'image', bytes: new Uint8Array(Buffer.concat(chunks)) }))
    // Cut off (deadline, reset) before the end: whatever arrived is not a picture.
    res.on('close', () => resolve(REFUSED))
    res.on('error', () => resolve(REFUSED))
  })
}

/** A resolver that knows one answer: the address already checked. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address)
  return (_hostname, options, callback) => {
    if (options.all === true) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}
