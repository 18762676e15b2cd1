/**
 * What Modash charges, in integer milli-credits (`docs/providers.md` §1.3): 0.01 credit per search
 * result returned, 1 credit per report. Money is never a float here.
 */
export const MILLI_PER_RESULT = 10
export const MILLI_PER_REPORT = 1000

/** Modash reports balances as fractional credits; the ledger keeps integer milli-credits. */
export function creditsToMilli(credits: number): number {
  return Math.round(credits * 1000)
}
