import { readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ensureAppBuild, filesIn, PRELOAD_DIR, RENDERER_DIR, ROOT } from '../lib/app-build'
import type { BenchContext } from '../lib/context'
import { evaluatePreload } from '../lib/preload-eval'
import type { Figure, Section } from '../lib/report'
import { int, ms, percentiles } from '../lib/stats'

const PRELOAD_TARGET_BYTES = 2_000
const PRELOAD_TARGET_MS = 1
/** The file every window loads (`electron/run-app.ts`). */
const PRELOAD_ENTRY = 'index.cjs'
/** Minified: long lines, almost no indentation (an unminified build here: 39 characters, 7 %). */
const MINIFIED_MIN_LINE = 200
const MINIFIED_MAX_INDENT = 0.01

/**
 * 8. What every window load pays before the app runs: the built preload (its size, and the time
 * to evaluate it in a fresh context with a fake `electron`) and the renderer's JavaScript (its
 * size, and whether the production build is minified). Built with `npx electron-vite build` first
 * when the build is missing or older than its sources. The baselines are the issue's, from
 * before the fix, not this run's.
 */
export async function bundlesBench(ctx: BenchContext): Promise<Section> {
  const buildFault = await ensureAppBuild(ctx.log)
  const evaluations = ctx.quick ? 20 : 100
  ctx.log(`bundles: preload evaluated ${evaluations} times, renderer assets read`)
  const preload = measurePreload(evaluations)
  const renderer = measureRenderer()
  const figures: Figure[] = [
    {
      measure: `preload (\`out/preload/*\`): size`,
      value: preload.files === 0 ? 'not measured: no built preload' : `${int(preload.bytes)} bytes`,
      baseline: '179 kB before the fix (the issue)',
      target: `< ${PRELOAD_TARGET_BYTES / 1000} kB`,
      met: preload.files > 0 && preload.bytes < PRELOAD_TARGET_BYTES,
    },
    {
      measure: `preload: evaluation in a fresh context (median of ${evaluations}; max)`,
      value:
        preload.fault === null
          ? `${ms(preload.p50)}; ${ms(preload.max)}`
          : `not measured: ${preload.fault}`,
      baseline: '35–40 ms on every window load before the fix (the issue)',
      target: `< ${PRELOAD_TARGET_MS} ms`,
      met: preload.fault === null && preload.p50 < PRELOAD_TARGET_MS,
    },
    {
      measure: `renderer JavaScript (\`out/renderer/assets/*.js\`, ${plural(renderer.files, 'file')}): size; gzip`,
      value:
        renderer.files === 0
          ? 'not measured: no built renderer'
          : `${kb(renderer.bytes)}, ${renderer.minified ? 'minified' : 'NOT minified'} ` +
            `(average line ${int(renderer.averageLine)} characters, ` +
            `${(renderer.indentShare * 100).toFixed(2)} % indentation); gzip ${kb(renderer.gzipBytes)}`,
      baseline:
        '924 kB unminified (electron-vite default), 396 kB minified, before the fix (the issue)',
      target: 'minified (production build)',
      met: renderer.files > 0 && renderer.minified,
    },
  ]
  return {
    id: 'bundles',
    title: '8. Bundles',
    figures,
    notes: [
      ...(buildFault === null ? [] : [`the build was not refreshed: ${buildFault}.`]),
      'the preload is evaluated in Node (`vm`), compiled and run in a new context each time, with ' +
        'a fake `electron`; Electron evaluates it in the renderer process, so the time is an ' +
        "estimate of V8's share only." +
        (preload.runsMs[0] === undefined ? '' : ` The first, cold, took ${ms(preload.runsMs[0])}.`),
      `kB are 1,000 bytes, as Vite prints them.`,
    ],
    data: { preload, renderer },
  }
}

interface PreloadFigures {
  files: number
  bytes: number
  p50: number
  max: number
  /** Why no time is given (the preload threw, or exposed no working `api`), or null. */
  fault: string | null
  runsMs: number[]
}

function measurePreload(evaluations: number): PreloadFigures {
  const files = filesIn(PRELOAD_DIR, ['.js', '.cjs', '.mjs'])
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0)
  const entry = files.find((f) => basename(f) === PRELOAD_ENTRY)
  const none = { files: files.length, bytes, p50: Number.NaN, max: Number.NaN, runsMs: [] }
  if (entry === undefined)
    return { ...none, fault: `no ${relative(ROOT, join(PRELOAD_DIR, PRELOAD_ENTRY))}` }
  const code = readFileSync(entry, 'utf8')
  const runsMs: number[] = []
  for (let i = 0; i < evaluations; i++) {
    const run = evaluatePreload(code, entry)
    if (run.fault !== null) return { ...none, fault: run.fault }
    runsMs.push(run.ms)
  }
  const p = percentiles(runsMs)
  return { files: files.length, bytes, p50: p.p50, max: p.max, fault: null, runsMs }
}

interface RendererFigures {
  files: number
  bytes: number
  gzipBytes: number
  /** Characters per line, over all the files. */
  averageLine: number
  /** The share of all characters that is indentation at the start of a line. */
  indentShare: number
  minified: boolean
}

function measureRenderer(): RendererFigures {
  const files = filesIn(join(RENDERER_DIR, 'assets'), ['.js'])
  const texts = files.map((f) => readFileSync(f, 'utf8'))
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0)
  const gzipBytes = texts.reduce((sum, t) => sum + gzipSync(t).length, 0)
  const characters = texts.reduce((sum, t) => sum + t.length, 0)
  const lines = texts.reduce((sum, t) => sum + t.split('\n').length, 0)
  const indent = texts.reduce(
    (sum, t) => sum + [...t.matchAll(/^[ \t]+/gm)].reduce((n, m) => n + m[0].length, 0),
    0,
  )
  const averageLine = lines === 0 ? 0 : characters / lines
  const indentShare = characters === 0 ? 0 : indent / characters
  return {
    files: files.length,
    bytes,
    gzipBytes,
    averageLine,
    indentShare,
    minified: averageLine >= MINIFIED_MIN_LINE && indentShare <= MINIFIED_MAX_INDENT,
  }
}

function plural(count: number, noun: string): string {
  return `${int(count)} ${noun}${count === 1 ? '' : 's'}`
}

function kb(bytes: number): string {
  return `${int(bytes / 1000)} kB`
}
