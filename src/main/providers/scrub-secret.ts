/**
 * Provider text (error messages, codes, run results) is untrusted: a proxy or a provider may
 * echo the key back, whole or in part, raw or encoded. Every run of 8 or more characters of the
 * key, in any of the forms it could travel in, is replaced before the text is cut to length or
 * goes anywhere (logs, the audit log, the UI); cutting first could split a key into pieces that
 * no longer match.
 */
export const MIN_SECRET_FRAGMENT = 8
const REDACTED = '[redacted]'

export function scrubSecret(text: string, secret: string | null): string {
  if (secret === null || secret.length < MIN_SECRET_FRAGMENT) return text
  let out = text
  for (const form of new Set([
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ]))
    out = redactFragments(out, form)
  return out
}

/** Text cut to `max` characters, with an ellipsis when cut. Scrub first. */
export function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** Replaces every run of at least MIN_SECRET_FRAGMENT characters that also occurs in `secret`. */
function redactFragments(text: string, secret: string): string {
  const hidden = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    for (let j = 0; j < secret.length; j++) {
      let k = 0
      while (i + k < text.length && j + k < secret.length && text[i + k] === secret[j + k]) k++
      if (k >= MIN_SECRET_FRAGMENT) hidden.fill(1, i, i + k)
    }
  }
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (hidden[i] === 0) out += text[i]
    else if (i === 0 || hidden[i - 1] === 0) out += REDACTED
  }
  return out
}
