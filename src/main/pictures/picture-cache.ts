import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fetchImage } from './fetch-image'
import { toDataUrl } from './image-type'
import type { AllowedPictureHost, HostLookup } from './picture-target'

export interface PictureCacheOptions {
  /** `<dataDir>/pictures`: one file per creator id. */
  dir: string
  pictureUrl: (creatorId: number) => Promise<string | null>
  isOffline: () => Promise<boolean>
  /**
   * Hosts the composition root vouches for (a local emulator): the only ones reachable over
   * plain http or at a non-public address. Every other host must be public and https.
   */
  allowedHosts?: readonly AllowedPictureHost[]
  /** Name resolution; the system's unless a test pins its answers. */
  lookup?: HostLookup
  timeoutMs?: number
  maxBytes?: number
  /** A kept picture younger than this is served without asking the network. */
  maxAgeMs?: number
  now?: () => number
}

export interface PictureCache {
  get(creatorId: number): Promise<{ dataUrl: string | null }>
  clear(): Promise<void>
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Profile pictures fetched by main (the renderer has no network) and kept on disk. */
export function createPictureCache(options: PictureCacheOptions): PictureCache {
  const fetchOptions = {
    ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
    ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 2 * 1024 * 1024,
  }
  const maxAgeMs = options.maxAgeMs ?? 30 * DAY_MS
  const now = options.now ?? Date.now
  // One download per creator at a time, however many list rows ask for it at once.
  const inFlight = new Map<number, Promise<{ dataUrl: string | null }>>()

  const kept = async (creatorId: number) => {
    const path = join(options.dir, String(creatorId))
    try {
      const [bytes, info] = await Promise.all([readFile(path), stat(path)])
      return { bytes: new Uint8Array(bytes), ageMs: now() - info.mtimeMs }
    } catch {
      return null
    }
  }

  const keep = async (creatorId: number, bytes: Uint8Array) => {
    await mkdir(options.dir, { recursive: true })
    const temp = join(options.dir, `${creatorId}.${randomUUID()}.tmp`)
    await writeFile(temp, bytes)
    await rename(temp, join(options.dir, String(creatorId)))
  }

  const load = async (creatorId: number): Promise<{ dataUrl: string | null }> => {
    const onDisk = await kept(creatorId)
    if (onDisk !== null && onDisk.ageMs < maxAgeMs) return { dataUrl: toDataUrl(onDisk.bytes) }
    const fallback = { dataUrl: onDisk === null ? null : toDataUrl(onDisk.bytes) }
    if (await options.isOffline()) return fallback
    const url = await options.pictureUrl(creatorId)
    if (url === null) return fallback
    const bytes = await fetchImage(url, fetchOptions)
    if (bytes === null) return fallback
    await keep(creatorId, bytes)
    return { dataUrl: toDataUrl(bytes) }
  }

  return {
    get(creatorId) {
      const pending = inFlight.get(creatorId)
      if (pending) return pending
      const started = load(creatorId).finally(() => inFlight.delete(creatorId))
      inFlight.set(creatorId, started)
      return started
    },
    async clear() {
      await rm(options.dir, { recursive: true, force: true })
    },
  }
}
