import { join } from 'node:path'

/** Where `scripts/build-native-electron.mjs` puts the Electron-ABI build of better-sqlite3. */
export const ELECTRON_BINDING_PATH = ['native', 'electron', 'better_sqlite3.node'] as const

export interface NativeBindingContext {
  /** True inside Electron's main process (`process.versions.electron` is set). */
  isElectron: boolean
  /** `process.resourcesPath`: holds `extraResources` once packaged. */
  resourcesPath: string | undefined
  /** `app.getAppPath()`: the project folder in development. */
  appPath: string | undefined
  exists: (path: string) => boolean
}

/**
 * The better-sqlite3 addon to load. Node (tests, preview, benchmarks) uses the one npm installed
 * in node_modules; Electron has its own ABI, so it loads a separate copy and node_modules never
 * has to be rebuilt back and forth. Undefined means "the default one in node_modules".
 */
export function resolveNativeBinding(context: NativeBindingContext): string | undefined {
  if (!context.isElectron) return undefined
  // Packaged apps find it in resources; in development process.resourcesPath is Electron's own
  // folder inside node_modules, so the project folder is the place to look.
  const candidates = [context.resourcesPath, context.appPath]
    .filter((base): base is string => typeof base === 'string' && base !== '')
    .map((base) => join(base, ...ELECTRON_BINDING_PATH))
  return candidates.find((path) => context.exists(path))
}
