import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

export const ROOT = process.cwd()
export const PRELOAD_DIR = join(ROOT, 'out/preload')
export const RENDERER_DIR = join(ROOT, 'out/renderer')

/** What the preload and the renderer are built from (neither imports `src/main`). */
const SOURCES = ['src/preload', 'src/renderer', 'src/shared', 'electron.vite.config.ts']
/** What the bundle and scroll benchmarks read of the build. */
const OUTPUTS = [PRELOAD_DIR, join(RENDERER_DIR, 'index.html'), join(RENDERER_DIR, 'assets')]

/**
 * The app's production build (`npx electron-vite build`), built here when its preload or renderer
 * is missing or older than their sources, so the figures are of the tree as it stands. Returns
 * why the build could not be refreshed, or null.
 */
export async function ensureAppBuild(log: (message: string) => void): Promise<string | null> {
  const built = OUTPUTS.map((p) => mtimes(p))
  const newestSource = Math.max(...SOURCES.flatMap((p) => mtimes(join(ROOT, p))))
  const stale = built.some((times) => times.length === 0)
    ? 'missing'
    : built.flat().some((time) => time < newestSource)
      ? 'older than src/'
      : null
  if (stale === null) return null
  log(`building the app (\`npx electron-vite build\`): out/preload or out/renderer is ${stale}`)
  try {
    await promisify(execFile)('npx', ['electron-vite', 'build'], { cwd: ROOT })
    return null
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim().split('\n').pop()
    return `\`npx electron-vite build\` failed${stderr ? `: ${stderr}` : ''}`
  }
}

/** The files directly in `dir` whose names end with one of `extensions`. */
export function filesIn(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => join(dir, name))
}

/** The modification times of a file, or of every file under a folder. */
function mtimes(path: string): number[] {
  if (!existsSync(path)) return []
  const stat = statSync(path)
  if (!stat.isDirectory()) return [stat.mtimeMs]
  return readdirSync(path).flatMap((name) => mtimes(join(path, name)))
}
