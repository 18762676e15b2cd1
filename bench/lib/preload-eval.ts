import { createContext, runInContext } from 'node:vm'
import { CHANNEL_NAMES } from '../../src/shared/channel-names'

/** One evaluation of the preload, and what it gave the page. */
export interface PreloadEvaluation {
  ms: number
  /** Null when the preload exposed `window.api` with every channel, routed to `ipcRenderer`. */
  fault: string | null
}

/**
 * Evaluates the built preload (CommonJS) once, as a window load does, in a fresh V8 context of
 * its own: compiled and run, with a fake `electron` (the only module a sandboxed preload may
 * require) that records what it exposes through `contextBridge.exposeInMainWorld`. A preload that
 * throws, or exposes anything but one `api` of every channel, is a fault, not a time.
 */
export function evaluatePreload(code: string, filename: string): PreloadEvaluation {
  const exposed = new Map<string, unknown>()
  const invoked: string[] = []
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string) => {
        invoked.push(channel)
        return Promise.resolve()
      },
    },
  }
  const fakeRequire = (id: string): unknown => {
    if (id === 'electron') return electron
    throw new Error(`a sandboxed preload cannot require "${id}"`)
  }
  const context = createContext({})
  const module = { exports: {} }
  let elapsed: number
  try {
    const start = performance.now()
    const wrapped = runInContext(
      `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
      context,
      { filename },
    ) as (...args: unknown[]) => void
    wrapped(module.exports, fakeRequire, module, filename, '.')
    elapsed = performance.now() - start
  } catch (err) {
    // Thrown in the other context: its Error is not this one's, so `instanceof` would not know it.
    const message = (err as { message?: unknown } | null)?.message
    return {
      ms: Number.NaN,
      fault: `it threw: ${String(message ?? err)}`,
    }
  }
  return { ms: elapsed, fault: exposureFault(exposed, invoked) }
}

function exposureFault(exposed: Map<string, unknown>, invoked: string[]): string | null {
  if (exposed.size === 0) return 'it exposed nothing through contextBridge.exposeInMainWorld'
  const api = exposed.get('api') as Record<string, unknown> | undefined
  if (exposed.size > 1 || api === undefined) {
    return `it exposed ${[...exposed.keys()].join(', ')}, not one \`api\``
  }
  const missing = CHANNEL_NAMES.filter((channel) => typeof api[channel] !== 'function')
  if (missing.length > 0) {
    return `its \`api\` lacks ${missing.length} of ${CHANNEL_NAMES.length} channels (${missing.slice(0, 3).join(', ')}…)`
  }
  // One call through the bridge must reach ipcRenderer.invoke on its own channel.
  const channel = CHANNEL_NAMES[0]
  void (api[channel] as (input: unknown) => Promise<unknown>)({})
  if (invoked.join() !== channel) return `\`api['${channel}']\` did not invoke its channel`
  return null
}
