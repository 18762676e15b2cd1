/**
 * Modash credits are kept as integer milli-credits everywhere (a search result costs 10, a report
 * 1,000); only what is shown to people is in credits. Formatting stays in integers too, so a
 * balance never prints as 2975.3499999.
 */

/** "2,975.35", "0.12", "-0.05": milli-credits as credits with two decimals (rounded down). */
export function formatCredits(milliCredits: number): string {
  const sign = milliCredits < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(milliCredits))
  const whole = Math.floor(abs / 1000).toLocaleString('en-US')
  const hundredths = Math.floor((abs % 1000) / 10)
  return `${sign}${whole}.${String(hundredths).padStart(2, '0')}`
}
