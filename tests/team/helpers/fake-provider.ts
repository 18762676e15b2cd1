/**
 * A stand-in for Modash: every call is counted and "billed" here, so a test can compare what
 * the team ledger counted with what the provider charged. Bodies are valid Modash shapes.
 */
export class FakeProvider {
  /** Units billed per purchase key. */
  readonly billed = new Map<string, number>()
  calls = 0
  failNext: ((key: string) => Error | null) | null = null

  constructor(private readonly delayMs: () => number = () => 5) {}

  get totalBilled(): number {
    let sum = 0
    for (const units of this.billed.values()) sum += units
    return sum
  }

  /** Successful (billed) calls per key. */
  callsFor(key: string): number {
    return this.billed.get(key) ?? 0
  }

  async report(
    key: string,
    providerId: string,
  ): Promise<{ data: { units: number }; raw: unknown }> {
    this.calls += 1
    await new Promise((r) => setTimeout(r, this.delayMs()))
    const failure = this.failNext?.(key) ?? null
    if (failure) throw failure
    this.billed.set(key, (this.billed.get(key) ?? 0) + 1)
    return { data: { units: 1 }, raw: reportBody(providerId) }
  }
}

export function reportBody(providerId: string, email = `${providerId}@example.com`): unknown {
  return {
    error: false,
    profile: {
      userId: providerId,
      profile: {
        username: `user_${providerId}`,
        fullname: `Creator ${providerId}`,
        followers: 12_345,
      },
      bio: `Bio of ${providerId}`,
      country: 'US',
      contacts: [{ type: 'email', value: email }],
    },
  }
}

export function searchBody(ids: readonly string[], total = 1_000): unknown {
  return {
    error: false,
    total,
    isExactMatch: true,
    directs: ids.map((id) => ({
      userId: id,
      profile: { username: `user_${id}`, fullname: `Creator ${id}`, followers: 1_000 + id.length },
    })),
    lookalikes: [],
  }
}
