import { dispatch } from '../../src/main/ipc/dispatch'
import type { Handlers } from '../../src/main/ipc/dispatch'
import type { Core } from '../../src/main/services/core-types'
import type { ChannelInput } from '../../src/shared/ipc-contract'
import { offlineCore } from '../lib/bench-db'
import type { BenchContext } from '../lib/context'
import type { Figure, Section } from '../lib/report'
import { int, percentiles } from '../lib/stats'

/**
 * 6. IPC overhead: a call through `dispatch(handlers, channel, input)` (contract lookup, input
 * validation, the handler, the envelope) against the same service call made directly,
 * interleaved call by call. Electron's own hop between processes (structured clone, the
 * message pipe) is not part of it: it needs Electron, which these benchmarks run without.
 */
export async function ipcBench(ctx: BenchContext): Promise<Section> {
  const size = ctx.quick ? 1_000 : 10_000
  const calls = ctx.quick ? 300 : 3_000
  const database = await ctx.databases.creators(size)
  ctx.log(`ipc: ${int(calls)} calls per channel`)
  const core = await offlineCore(database.dir)
  try {
    const handlers = handlerTable(core)
    const search: ChannelInput<'creators:search'> = {
      platform: 'instagram',
      filters: { influencer: { followers: { min: 100_000 }, gender: 'FEMALE' } },
      page: 0,
      cacheOnly: true,
    }
    const cases = [
      {
        channel: 'creators:search',
        direct: () => core.creators.search(search),
        viaIpc: () => dispatch(handlers, 'creators:search', search),
      },
      {
        channel: 'usage:quota',
        direct: () => core.usage.quota(),
        viaIpc: () => dispatch(handlers, 'usage:quota', {}),
      },
      {
        channel: 'settings:get',
        direct: () => core.settings.get(),
        viaIpc: () => dispatch(handlers, 'settings:get', {}),
      },
    ]
    const figures: Figure[] = []
    const data: Record<string, unknown> = {}
    for (const c of cases) {
      const direct: number[] = []
      const viaIpc: number[] = []
      for (let i = 0; i < calls + 50; i++) {
        const a = await time(c.direct)
        const b = await time(c.viaIpc)
        if (i >= 50) {
          direct.push(a)
          viaIpc.push(b)
        }
      }
      const d = percentiles(direct)
      const v = percentiles(viaIpc)
      figures.push({
        measure: `\`${c.channel}\`: per call through dispatch (median, p95)`,
        value: `${us(v.p50)}, ${us(v.p95)} (+${us(v.p50 - d.p50)} a call)`,
        baseline: `direct call ${us(d.p50)}, ${us(d.p95)}`,
      })
      data[c.channel] = { direct: d, dispatch: v }
    }
    return {
      id: 'ipc',
      title: '6. IPC overhead',
      figures,
      notes: [
        `${int(calls)} interleaved calls per channel after 50 unmeasured ones, on a ${int(size)}-creator cache.`,
      ],
      data,
    }
  } finally {
    await core.close()
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

function us(ms: number): string {
  return `${Math.round(ms * 1000)} µs`
}

/**
 * The handler table's entries for the channels measured, routed as `app/handler-table.ts`
 * routes them (one line each onto the core); `dispatch` only ever calls the one asked for.
 */
function handlerTable(core: Core): Handlers {
  const table: Partial<Handlers> = {
    'creators:search': (input) => core.creators.search(input),
    'usage:quota': () => core.usage.quota(),
    'settings:get': () => core.settings.get(),
  }
  return table as Handlers
}
