/** Narrowing helpers for data typed `unknown` (stored provider payloads). */

export function asObject(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : null
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? (v as unknown[]) : []
}

export function asNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

export function asString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null
}

export function asBoolean(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null
}
