import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { Handlers } from '../../../src/main/ipc/dispatch'
import { markParsed, parseInput } from '../../../src/main/services/input'
import { CHANNELS } from '../../../src/shared/ipc-contract'

const schema = z.strictObject({ page: z.number().int().min(0) })

describe('parseInput', () => {
  it('checks an input that was not parsed at the boundary', () => {
    expect(parseInput(schema, { page: 1 }, 'test')).toEqual({ page: 1 })
    expect(() => parseInput(schema, { page: -1 }, 'test')).toThrow(/Invalid test/)
  })

  it('takes an input the same schema already parsed as it is, without parsing it again', () => {
    const parsed = markParsed(schema, schema.parse({ page: 2 }))
    const spy = vi.spyOn(schema, 'safeParse')
    expect(parseInput(schema, parsed, 'test')).toBe(parsed)
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  })

  it('parses again what another schema parsed', () => {
    const other = z.strictObject({ page: z.number() })
    const parsed = markParsed(other, other.parse({ page: -5 }))
    expect(() => parseInput(schema, parsed, 'test')).toThrow(/Invalid test/)
  })

  it('is handed, through dispatch, what dispatch parsed: the service parses it no second time', async () => {
    let seen: unknown = null
    const handlers = {
      'creators:search': (input: unknown) => {
        seen = input
        return Promise.resolve(parseInput(CHANNELS['creators:search'], input, 'search'))
      },
    } as unknown as Handlers
    const spy = vi.spyOn(CHANNELS['creators:search'], 'safeParse')
    const answer = await dispatch(handlers, 'creators:search', {
      platform: 'instagram',
      filters: {},
      page: 0,
    })
    expect(answer).toEqual({ ok: true, data: seen })
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
  })
})
