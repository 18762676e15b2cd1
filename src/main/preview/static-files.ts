import { readFile, realpath } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * A file from the built renderer, or null. The resolved path must stay inside the folder, so
 * `..`, encoded slashes and symlinks cannot reach the data folder or the keychain's neighbours.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  try {
    const realRoot = await realpath(root)
    const real = await realpath(join(realRoot, relative))
    if (!real.startsWith(realRoot + sep)) return null
    const contentType = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream'
    return { body: await readFile(real), contentType }
  } catch {
    return null
  }
}
