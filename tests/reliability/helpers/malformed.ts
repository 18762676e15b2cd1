import fc from 'fast-check'
import type { Channel } from '../../../src/shared/ipc-contract'
import { OUT_OF_RANGE, REQUIRED, SAMPLES } from './contract-samples'

type Path = readonly (string | number)[]

/** Every node below the root of a sample, with its path. */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = path.length === 0 ? [] : [{ path, value }]
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, i) => nodes(item, [...path, i]))]
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => nodes(item, [...path, key]))]
  return here
}

/** A copy of `root` with the node at `path` replaced (or removed when `next` is REMOVE). */
const REMOVE = Symbol('remove')
function replaced(root: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next
  const [head, ...rest] = path
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])]
    copy[head as number] = replaced(copy[head as number], rest, next)
    return copy
  }
  const copy = { ...(root as Record<string, unknown>) }
  const child = replaced(copy[head as string], rest, next)
  if (child === REMOVE) delete copy[head as string]
  else copy[head as string] = child
  return copy
}

/** Adds an own, enumerable key, even `__proto__`, which a spread or literal would not. */
function withKey(root: unknown, path: Path, key: string, value: unknown): unknown {
  const target = path.length === 0 ? root : nodes(root).find((n) => same(n.path, path))?.value
  const copy = { ...(target as Record<string, unknown>) }
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return replaced(root, path, copy)
}

function same(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

const primitive = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.bigInt(),
)

/**
 * Fields where null is valid: "no limit", a Clay column / email path left unmapped, or no client
 * (a list's, or the current one).
 */
const NULLABLE = new Set([
  'client',
  'currentClient',
  'enrichment',
  'fullName',
  'handle',
  'profileUrl',
  'platform',
  'companyDomain',
  'emailPath',
])

const KINDS: readonly (readonly [string, fc.Arbitrary<unknown>])[] = [
  ['null', fc.constant(null)],
  ['boolean', fc.boolean()],
  ['number', fc.oneof(fc.integer(), fc.double())],
  ['string', fc.string()],
  ['array', fc.array(fc.string(), { maxLength: 3 })],
  ['object', fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })],
  ['bigint', fc.bigInt()],
]

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

/** A value of another kind than the node's, never `undefined` (which optional fields accept). */
function wrongType(node: { path: Path; value: unknown }): fc.Arbitrary<unknown> {
  const own = kindOf(node.value)
  const nullable = NULLABLE.has(String(node.path.at(-1)))
  return fc.oneof(
    ...KINDS.filter(([kind]) => kind !== own && !(nullable && kind === 'null')).map(([, a]) => a),
  )
}

/**
 * Inputs the contract must refuse, built by breaking a valid sample: not an object at all, an
 * unknown key at any level (every object in the contract is strict), a required key missing,
 * a field of the wrong type, a number that is not finite or out of range, and strings and
 * arrays far over any bound.
 */
export function malformedInput(channel: Channel): fc.Arbitrary<unknown> {
  const sample = SAMPLES[channel]
  const all = nodes(sample)
  const objects: Path[] = [[], ...all.filter((n) => isPlainObject(n.value)).map((n) => n.path)]
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.oneof(primitive, fc.array(fc.anything(), { maxLength: 4 })),
    fc
      .tuple(
        fc.constantFrom(...objects),
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'sneaky', ''),
          fc.string({ minLength: 1, maxLength: 12 }),
        ),
        fc.anything(),
      )
      .filter(([path, key]) => !hasKey(sample, path, key))
      .map(([path, key, value]) => withKey(sample, path, key, value)),
  ]
  const required = REQUIRED[channel] ?? []
  if (required.length > 0)
    arbitraries.push(fc.constantFrom(...required).map((key) => replaced(sample, [key], REMOVE)))
  if (all.length > 0) {
    arbitraries.push(
      fc.constantFrom(...all).chain((n) => wrongType(n).map((v) => replaced(sample, n.path, v))),
    )
  }
  const numbers = all.filter((n) => typeof n.value === 'number')
  if (numbers.length > 0)
    arbitraries.push(
      fc
        .tuple(fc.constantFrom(...numbers), fc.constantFrom(Number.NaN, Infinity, -Infinity))
        .map(([n, v]) => replaced(sample, n.path, v)),
    )
  const ranged = all.filter((n) => OUT_OF_RANGE[String(n.path.at(-1))] !== undefined)
  if (ranged.length > 0)
    arbitraries.push(
      fc
        .constantFrom(...ranged)
        .chain((n) =>
          fc
            .constantFrom(...(OUT_OF_RANGE[String(n.path.at(-1))] ?? []))
            .map((v) => replaced(sample, n.path, v)),
        ),
    )
  const strings = all.filter((n) => typeof n.value === 'string')
  if (strings.length > 0)
    arbitraries.push(
      fc
        .tuple(fc.constantFrom(...strings), fc.integer({ min: 10_001, max: 200_000 }))
        .map(([n, length]) => replaced(sample, n.path, 'x'.repeat(length))),
    )
  const arrays = all.filter((n) => Array.isArray(n.value))
  if (arrays.length > 0)
    arbitraries.push(
      fc
        .constantFrom(...arrays)
        .map((n) =>
          replaced(sample, n.path, new Array<unknown>(100_001).fill((n.value as unknown[])[0])),
        ),
    )
  return fc.oneof(...arbitraries)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function hasKey(root: unknown, path: Path, key: string): boolean {
  const target = path.length === 0 ? root : nodes(root).find((n) => same(n.path, path))?.value
  return isPlainObject(target) && Object.prototype.hasOwnProperty.call(target, key)
}
