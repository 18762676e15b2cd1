import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The header every `/ipc` call must carry, and the page's copy of the token the bridge reads. */
export const PREVIEW_TOKEN_HEADER = 'x-preview-token'
export const PREVIEW_TOKEN_META = 'creator-desk-preview-token'

// The token travels in a URL, an HTTP header and an HTML attribute: these characters need no
// escaping in any of them, and 16 is the least that is not guessable in a lifetime of requests.
const TOKEN_SHAPE = /^[A-Za-z0-9._~-]{16,512}$/

/**
 * This run's token: `PREVIEW_TOKEN` when the caller set one (so a script that started the preview
 * knows it in advance), 32 random bytes otherwise. Any process on the machine can reach the
 * loopback port; only one that was told the token can call a handler that spends money.
 */
export function previewToken(fromEnv: string | undefined): string {
  if (fromEnv === undefined || fromEnv === '') return randomBytes(32).toString('hex')
  return checkedToken(fromEnv)
}

export function checkedToken(token: string): string {
  if (!TOKEN_SHAPE.test(token)) {
    throw new Error(
      'PREVIEW_TOKEN must be 16 to 512 letters, digits or the characters . _ ~ - (leave it unset for a random one).',
    )
  }
  return token
}

/**
 * Constant-time comparison. Both sides are hashed first so the buffers handed to timingSafeEqual
 * always have the same length, and a wrong guess does not even reveal the token's length.
 */
export function tokenMatches(
  expected: string,
  given: string | string[] | null | undefined,
): boolean {
  if (typeof given !== 'string') return false
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(expected), digest(given))
}
