import { sniffImageType } from './image-type'
import { requestPicture } from './picture-request'
import { systemLookup, vetPictureUrl } from './picture-target'
import type { AllowedPictureHost, HostLookup } from './picture-target'

export interface FetchImageOptions {
  timeoutMs: number
  maxBytes: number
  /** Hosts the composition root vouches for (see `AllowedPictureHost`); none by default. */
  allowedHosts?: readonly AllowedPictureHost[]
  /** How names are resolved; the system resolver unless a test pins its answers. */
  lookup?: HostLookup
}

/** Enough for a CDN's canonical-host hop and a signed-URL hop; more is a loop or a trick. */
export const MAX_REDIRECTS = 3

/**
 * Downloads one picture, or returns null. A picture URL comes from a provider's response, so it
 * is untrusted: every hop (the URL and each redirect target) is vetted before it is dialled, and
 * the body must be a small raster image. A picture is decoration: every failure is "no
 * picture", never an error for the user.
 */
export async function fetchImage(
  url: string,
  options: FetchImageOptions,
): Promise<Uint8Array | null> {
  // One deadline for the whole chain, DNS included, so neither a slow resolver nor redirects
  // can stretch it.
  const signal = AbortSignal.timeout(options.timeoutMs)
  const lookup = options.lookup ?? systemLookup
  const policy = {
    allowedHosts: options.allowedHosts ?? [],
    lookup: (hostname: string) => untilAborted(lookup(hostname), signal),
  }
  let next = url
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const target = await vetPictureUrl(next, policy)
      if (target === null || signal.aborted) return null
      const answer = await requestPicture(target, { signal, maxBytes: options.maxBytes })
      if (answer.kind === 'refused') return null
      if (answer.kind === 'image')
        return sniffImageType(answer.bytes) === null ? null : answer.bytes
      next = new URL(answer.location, target.url).href
    }
  } catch {
    return null
  }
  return null
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error)
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
    work.then(resolve, reject)
  })
}
