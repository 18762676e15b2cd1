import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import {
  addPlainBox,
  LOADED,
  measureScroll,
  PLAIN_BOX,
  removePlainBox,
  RESULTS_TABLE,
  rewind,
  searchWideResults,
  waitForWideResults,
} from '../../tests/e2e/fixtures/scroll-measure'
import type { ScrollRun, ScrollTarget } from '../../tests/e2e/fixtures/scroll-measure'
import { ensureAppBuild, RENDERER_DIR } from '../lib/app-build'
import type { BenchContext } from '../lib/context'
import { chromiumPath, withPreviewPage } from '../lib/preview-page'
import type { Figure, Section } from '../lib/report'
import { int, ms, percentiles } from '../lib/stats'

const P95_TARGET_MS = 20
const BEFORE_FRAMES = 'before the fix (the issue): p50 33 ms, p95 83–100 ms'
const BEFORE_LONG_TASKS = 'before the fix (the issue): 8–9 of 53–137 ms'

interface ScrollRuns {
  table: ScrollRun[]
  plain: ScrollRun[]
}

/**
 * 9. Scrolling 1,000 loaded results in Chromium, as `tests/e2e/scroll-performance.test.ts` does
 * it and with its code (`tests/e2e/fixtures/scroll-measure.ts`): the browser preview in sandbox
 * mode, a search widened to 1,000 creators, the results table scrolled top to bottom a frame at a
 * time, the frames and long tasks read from Chromium's performance timeline. Baseline: the same
 * scroll of a plain box holding all 1,000 rows of text, in the same page.
 */
export async function scrollBench(ctx: BenchContext): Promise<Section> {
  const scrolls = ctx.quick ? 1 : 3
  const buildFault = await ensureAppBuild(ctx.log)
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    return notMeasured(buildFault ?? 'the renderer is not built')
  }
  const executable = chromiumPath()
  if (executable === undefined) {
    return notMeasured('no Chromium found (install Debian chromium or set CHROMIUM_PATH)')
  }
  ctx.log(
    `scroll: ${int(LOADED)} loaded results in Chromium, ` +
      `${scrolls === 1 ? 'one full scroll' : `${scrolls} full scrolls`} of the table and of a plain box`,
  )
  let measured: { value: ScrollRuns; pageErrors: string[] }
  try {
    measured = await withPreviewPage(executable, (page) => scrollRuns(page, scrolls))
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err)
    return notMeasured(`${reason}${buildFault === null ? '' : ` (${buildFault})`}`)
  }
  const { table, plain } = measured.value
  const frames = percentiles(table.flatMap((r) => r.frames))
  const plainFrames = percentiles(plain.flatMap((r) => r.frames))
  const longTasks = table.flatMap((r) => r.longTasks)
  const unreached = table.filter((r) => r.seen.length !== LOADED).map((r) => r.seen.length)
  const figures: Figure[] = [
    {
      measure: `${int(LOADED)} loaded results, full scroll of the results table: frame p50 / p95 / max (${scrolls === 1 ? 'one scroll' : `${scrolls} scrolls`}, ${int(frames.n)} frames)`,
      value:
        `${ms(frames.p50)} / ${ms(frames.p95)} / ${ms(frames.max)}` +
        (unreached.length === 0 ? '' : `; a scroll reached only ${unreached.join(', ')} rows`),
      baseline: `plain scroll box ${ms(plainFrames.p50)} / ${ms(plainFrames.p95)} / ${ms(plainFrames.max)}; ${BEFORE_FRAMES}`,
      target: `p95 ≤ ${P95_TARGET_MS} ms`,
      met: unreached.length === 0 && frames.p95 <= P95_TARGET_MS,
    },
    {
      measure: `${int(LOADED)} loaded results: long tasks per full scroll of the results table`,
      value: `${perScroll(table)}${longTasks.length === 0 ? '' : ` (${longTasks.join(', ')} ms)`}`,
      baseline: `plain scroll box ${perScroll(plain)}; ${BEFORE_LONG_TASKS}`,
      target: 'none',
      met: longTasks.length === 0,
    },
  ]
  const slow = table.flatMap((r) => r.frames).filter((f) => f > P95_TARGET_MS).length
  return {
    id: 'scroll',
    title: '9. Scrolling results',
    figures,
    notes: [
      `headless Chromium (${executable}, no GPU), 1280×800, the table scrolled 220 px (five ` +
        `rows) a frame; ${int(slow)} of ${int(frames.n)} frames over ${P95_TARGET_MS} ms; p95 of ` +
        `each scroll, the first cold: ${table.map((r) => ms(percentiles(r.frames).p95)).join(', ')}; at most ` +
        `${Math.max(...table.map((r) => r.maxRows))} rows in the DOM.`,
      ...(buildFault === null ? [] : [`the build was not refreshed: ${buildFault}.`]),
      ...(measured.pageErrors.length === 0
        ? []
        : [`the page threw while it was measured: ${measured.pageErrors.join('; ')}`]),
    ],
    // Per scroll its figures, not every frame and row (a full run would write thousands).
    data: { scrolls: table.map(summary), plainScrolls: plain.map(summary), frames, plainFrames },
  }
}

/**
 * The results table scrolled `scrolls` times, then the plain box as often, each from the top. The
 * first scroll starts as soon as the rows are loaded, as the e2e test's does and as a user's
 * might: its cold start (first renders, pictures still loading) is part of the figures.
 */
async function scrollRuns(page: Page, scrolls: number): Promise<ScrollRuns> {
  await searchWideResults(page)
  await waitForWideResults(page)
  const table = await repeat(page, RESULTS_TABLE, scrolls)
  await addPlainBox(page)
  const plain = await repeat(page, PLAIN_BOX, scrolls)
  await removePlainBox(page)
  return { table, plain }
}

async function repeat(page: Page, target: ScrollTarget, scrolls: number): Promise<ScrollRun[]> {
  const runs: ScrollRun[] = []
  for (let i = 0; i < scrolls; i++) {
    if (i > 0) await rewind(page, target)
    runs.push(await measureScroll(page, target))
  }
  return runs
}

/** "0, 1, 0": how many long tasks each scroll had. */
function perScroll(runs: readonly ScrollRun[]): string {
  return runs.map((r) => int(r.longTasks.length)).join(', ')
}

function notMeasured(reason: string): Section {
  return {
    id: 'scroll',
    title: '9. Scrolling results',
    figures: [
      {
        measure: `${int(LOADED)} loaded results, full scroll of the results table: frame p50 / p95 / max`,
        value: `not measured: ${reason}`,
        baseline: BEFORE_FRAMES,
        target: `p95 ≤ ${P95_TARGET_MS} ms`,
        met: false,
      },
      {
        measure: `${int(LOADED)} loaded results: long tasks per full scroll of the results table`,
        value: `not measured: ${reason}`,
        baseline: BEFORE_LONG_TASKS,
        target: 'none',
        met: false,
      },
    ],
    notes: [],
    data: { reason },
  }
}

function summary(run: ScrollRun) {
  return {
    frames: percentiles(run.frames),
    longTasks: run.longTasks,
    rowsReached: run.seen.length,
    maxRows: run.maxRows,
    clientHeight: run.clientHeight,
  }
}
