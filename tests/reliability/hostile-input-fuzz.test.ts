import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPreviewServer } from '../../src/main/preview/preview-server'
import type { PreviewServer } from '../../src/main/preview/preview-server'
import { CHANNEL_NAMES, CHANNELS, isChannel } from '../../src/shared/ipc-contract'
import type { Channel } from '../../src/shared/ipc-contract'
import { SAMPLES } from './helpers/contract-samples'
import { databaseDigest } from './helpers/db-files'
import { recordFigures } from './helpers/figures'
import { malformedInput } from './helpers/malformed'
import { runSeed } from './helpers/random'
import { startRig } from './helpers/rig'
import type { Rig } from './helpers/rig'
import { SIZE } from './helpers/scale'

/**
 * Part 4: every channel's input fuzzed with fast-check. Malformed input is answered with a
 * VALIDATION envelope, nothing escapes the envelope, and the database is byte-for-byte what it
 * was: a refused input does no work at all.
 */

const seed = runSeed()
const runs = SIZE.fuzzRunsPerChannel
let rig: Rig
let preview: PreviewServer
let digestBefore: ReturnType<typeof databaseDigest>
let modashCallsBefore = 0
let handledBefore = 0
let prototypeBefore: string[] = []
let tried = 0

beforeAll(async () => {
  rig = await startRig()
  // Something real for a slipped-through input to damage: creators, a report, a list, a note.
  const page = await rig.ok('creators:search', { platform: 'instagram', filters: {}, page: 0 })
  const [first, second] = page.creators
  if (!first || !second) throw new Error('empty page')
  await rig.ok('creators:select', { creatorId: first.id })
  const list = await rig.ok('lists:create', { name: 'Shortlist' })
  await rig.ok('lists:add', { listId: list.id, creatorIds: [first.id, second.id] })
  await rig.ok('lists:update-member', { listId: list.id, creatorId: first.id, notes: 'keep' })
  preview = await startPreviewServer({
    handlers: rig.handlers,
    rendererDir: join(rig.dataDir, 'no-renderer'),
    port: 0,
    onUnexpected: (err) => rig.unexpected.push(err),
  })
  await rig.checkpoint()
  digestBefore = databaseDigest(rig.dbPath)
  modashCallsBefore = rig.modashEmu.calls().length
  handledBefore = rig.handled.count
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype)
})
afterAll(async () => {
  await preview?.close()
  await rig?.close()
})

const refused = (channel: string) => ({
  ok: false,
  error: { code: 'VALIDATION', message: expect.stringContaining(channel) as unknown },
})

describe('hostile input: fuzzing every channel', () => {
  it('has a valid sample for every channel, which the contract accepts', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const channel of CHANNEL_NAMES)
      expect(CHANNELS[channel].safeParse(SAMPLES[channel]).success, channel).toBe(true)
  })

  it.each(CHANNEL_NAMES)(
    '%s refuses broken versions of a valid input',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(malformedInput(channel), async (input) => {
          tried++
          expect(await rig.call(channel, input)).toMatchObject(refused(channel))
        }),
        { numRuns: runs, seed },
      )
    },
    SIZE.testTimeoutMs,
  )

  it(
    'refuses any value the contract does not describe, on every channel',
    async () => {
      const anything = fc.anything({
        maxDepth: 4,
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withTypedArray: true,
      })
      const arbitrary = fc
        .tuple(fc.constantFrom(...CHANNEL_NAMES), anything)
        .filter(([channel, input]) => !CHANNELS[channel].safeParse(input).success)
      await fc.assert(
        fc.asyncProperty(arbitrary, async ([channel, input]) => {
          tried++
          expect(await rig.call(channel, input)).toMatchObject(refused(channel))
        }),
        { numRuns: runs * 4, seed },
      )
    },
    SIZE.testTimeoutMs,
  )

  it('answers unknown channels with NOT_FOUND', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }).filter((name) => !isChannel(name)),
        async (name) => {
          tried++
          expect(await rig.call(name, {})).toMatchObject({
            ok: false,
            error: { code: 'NOT_FOUND' },
          })
        },
      ),
      { numRuns: runs, seed },
    )
  })

  it(
    'answers malformed input over the preview bridge with an envelope, never an error page',
    async () => {
      const arbitrary = fc
        .constantFrom(...CHANNEL_NAMES)
        .chain((channel) => malformedInput(channel).map((input) => [channel, json(input)] as const))
        .filter((x): x is readonly [Channel, string] => {
          const [channel, body] = x
          return body !== null && !CHANNELS[channel].safeParse(parseOrRaw(body)).success
        })
      await fc.assert(
        fc.asyncProperty(arbitrary, async ([channel, body]) => {
          tried++
          const res = await fetch(`${preview.url}ipc/${channel}`, {
            method: 'POST',
            headers: { 'x-preview-token': preview.token },
            body,
          })
          if (res.status === 413) return
          expect(res.status).toBe(200)
          expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
        }),
        { numRuns: Math.max(50, Math.floor(runs / 2)), seed },
      )
    },
    SIZE.testTimeoutMs,
  )

  it('left the database byte-for-byte as it was, and did no other work', async () => {
    expect(rig.unexpected).toEqual([])
    // Refused before any work: not one input reached a handler.
    expect(rig.handled.count).toBe(handledBefore)
    await rig.checkpoint()
    expect(databaseDigest(rig.dbPath)).toEqual(digestBefore)
    expect(rig.modashEmu.calls()).toHaveLength(modashCallsBefore)
    expect(rig.clayEmu.calls()).toHaveLength(0)
    expect(existsSync(rig.exportDir) ? readdirSync(rig.exportDir) : []).toEqual([])
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore)
    recordFigures('hostile-input-fuzz', { seed, channels: CHANNEL_NAMES.length, casesTried: tried })
  })
})

/** The body a browser would send, or null when the value has no JSON form (a BigInt). */
function json(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return null
  }
}

function parseOrRaw(body: string): unknown {
  return body === '' ? undefined : (JSON.parse(body) as unknown)
}
