import { sniffImageType } from './image-type'

export interface FetchImageOptions {
  fetch: typeof fetch
  timeoutMs: number
  maxBytes: number
}

/**
 * Downloads one picture over http(s) with a deadline and a size cap, or returns null. A picture
 * is decoration: every failure is "no picture", never an error for the user.
 */
export async function fetchImage(
  url: string,
  options: FetchImageOptions,
): Promise<Uint8Array | null> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  // RFC 2606 reserves .invalid for names that must never resolve; do not even ask DNS.
  if (/\.invalid\.?$/i.test(parsed.hostname)) return null
  try {
    const res = await options.fetch(parsed, {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif' },
    })
    if (!res.ok || res.body === null) return null
    const declared = Number(res.headers.get('content-length') ?? '0')
    if (declared > options.maxBytes) {
      await res.body.cancel()
      return null
    }
    const bytes = await readCapped(res.body, options.maxBytes)
    return bytes !== null && sniffImageType(bytes) !== null ? bytes : null
  } catch {
    return null
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number) {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    // A missing or lying Content-Length must not let a huge body fill memory.
    if (size > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
