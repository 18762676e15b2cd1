/**
 * Balances per API token in integer milli-credits, so 0.01-credit results never accumulate float
 * error; `/user/info` divides by 1000 to show Modash's fractional credits.
 */
export class CreditLedger {
  private readonly balances = new Map<string, number>()

  constructor(
    tokens: Record<string, number>,
    private readonly allowOverdraft: boolean,
  ) {
    for (const [token, milli] of Object.entries(tokens)) this.set(token, milli)
  }

  has(token: string | null): token is string {
    return token !== null && this.balances.has(token)
  }

  set(token: string, milliCredits: number): void {
    if (!Number.isInteger(milliCredits)) throw new RangeError('balances are integer milli-credits')
    this.balances.set(token, milliCredits)
  }

  balance(token: string): number {
    const value = this.balances.get(token)
    if (value === undefined) throw new RangeError('unknown token')
    return value
  }

  /**
   * Charges when the balance covers the cost. With overdraft allowed, a positive balance that
   * falls short still goes through once: it ends negative, so the next paid call is refused.
   */
  tryCharge(token: string, cost: number): boolean {
    const balance = this.balance(token)
    if (balance >= cost || (this.allowOverdraft && balance > 0)) {
      this.balances.set(token, balance - cost)
      return true
    }
    return false
  }
}
