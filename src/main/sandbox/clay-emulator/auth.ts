import { timingSafeEqual } from 'node:crypto'

export interface ClayIdentity {
  user: { id: string; name: string }
  workspace: { id: string }
}

/** API keys, the identity behind each, and each key's integer credit meter. */
export class ApiKeyRegistry {
  private readonly keys: string[]
  private readonly meters = new Map<string, number>()

  constructor(apiKeys: Record<string, number>) {
    this.keys = Object.keys(apiKeys)
    for (const [key, credits] of Object.entries(apiKeys)) this.setCredits(key, credits)
  }

  /** The key the request authenticates as, or null. Compared in constant time, like a real server. */
  authenticate(header: string | string[] | undefined): string | null {
    if (typeof header !== 'string' || header === '') return null
    const given = Buffer.from(header)
    for (const key of this.keys) {
      const known = Buffer.from(key)
      if (known.length === given.length && timingSafeEqual(known, given)) return key
    }
    return null
  }

  identity(apiKey: string): ClayIdentity {
    const n = this.indexOf(apiKey) + 1
    return { user: { id: `usr_${n}`, name: `Emulator User ${n}` }, workspace: { id: `ws_${n}` } }
  }

  credits(apiKey: string): number {
    this.indexOf(apiKey)
    return this.meters.get(apiKey) ?? 0
  }

  setCredits(apiKey: string, credits: number): void {
    this.indexOf(apiKey)
    if (!Number.isInteger(credits) || credits < 0)
      throw new RangeError('credits must be a non-negative integer')
    this.meters.set(apiKey, credits)
  }

  /** Takes `amount` credits if all of them are there; otherwise takes nothing. */
  charge(apiKey: string, amount: number): boolean {
    const balance = this.credits(apiKey)
    if (balance < amount) return false
    this.meters.set(apiKey, balance - amount)
    return true
  }

  private indexOf(apiKey: string): number {
    const index = this.keys.indexOf(apiKey)
    // A typo in a test should fail loudly, not read as an empty meter.
    if (index < 0) throw new RangeError('unknown API key')
    return index
  }
}
