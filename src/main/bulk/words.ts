/** "1 report", "2,000 reports": counts in messages main writes for the user. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
