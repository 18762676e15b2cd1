import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

export type AppMode = 'sandbox' | 'real'

export const LAUNCH_MODE_FILE = 'launch-mode.json'
const launchModeSchema = z.strictObject({ mode: z.enum(['sandbox', 'real']) })

/**
 * Sample data or the user's own: `SANDBOX=1` / `SANDBOX=0` decide for one run, otherwise the
 * choice remembered from "Try with Sample Data", otherwise the real thing.
 */
export function resolveAppMode(
  env: Record<string, string | undefined>,
  remembered: AppMode | null,
): AppMode {
  if (env.SANDBOX === '1' || env.SANDBOX === 'true') return 'sandbox'
  if (env.SANDBOX === '0' || env.SANDBOX === 'false') return 'real'
  return remembered ?? 'real'
}

/** The remembered choice, kept beside (not inside) either database. */
export function readLaunchMode(baseDataDir: string): AppMode | null {
  try {
    const parsed = launchModeSchema.safeParse(
      JSON.parse(readFileSync(join(baseDataDir, LAUNCH_MODE_FILE), 'utf8')),
    )
    return parsed.success ? parsed.data.mode : null
  } catch {
    return null
  }
}

export function writeLaunchMode(baseDataDir: string, mode: AppMode): void {
  mkdirSync(baseDataDir, { recursive: true })
  writeFileSync(join(baseDataDir, LAUNCH_MODE_FILE), JSON.stringify({ mode }))
}

/** Sample data lives in its own folder, so none of it can ever mix with bought data. */
export function modeDataDir(baseDataDir: string, mode: AppMode): string {
  return mode === 'sandbox' ? join(baseDataDir, 'sandbox') : baseDataDir
}
