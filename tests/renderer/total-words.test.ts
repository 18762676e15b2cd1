import { describe, expect, it } from 'vitest'
import { matchesWords } from '../../src/renderer/src/lib/total-words'

describe('how many matches a search has', () => {
  it('never shows an index-sized provider total as a count', () => {
    const words = matchesWords({ total: 59_536_871, totalIsEstimate: true })
    expect(words).toBe('millions of matches')
    expect(words).not.toMatch(/\d/)
  })

  it('says a smaller estimate is one', () => {
    expect(matchesWords({ total: 42_000, totalIsEstimate: true })).toMatch(
      /^about 42,000 matches \(Modash's estimate\)$/,
    )
  })

  it('says a capped local count is a floor, and an exact count plainly', () => {
    expect(matchesWords({ total: 10_000, totalIsCapped: true })).toBe('at least 10,000 matches')
    expect(matchesWords({ total: 1_843 })).toBe('1,843 matches')
    expect(matchesWords({ total: 1 })).toBe('1 match')
  })
})
