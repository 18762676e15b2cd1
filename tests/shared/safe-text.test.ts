import { describe, expect, it } from 'vitest'
import { safeText } from '../../src/shared/safe-text'

const CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
]

describe('safeText', () => {
  it.each(CONTROLS.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase()}`, c]))(
    'removes %s wherever it appears',
    (_name, control) => {
      expect(safeText(`${control}ab${control}c${control}`)).toBe('abc')
    },
  )

  it('shows a disguised file name in its real order', () => {
    // Displayed as "invoiceexe.pdf" by a bidi-aware renderer; really ends in ".exe".
    expect(safeText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
  })

  it('keeps every other character, right-to-left scripts and emoji included', () => {
    for (const text of [
      'Zoë Ångström 🎥 東京',
      'مرحبا بالعالم',
      'שלום',
      'a\u200Bb',
      'tab\there',
      '',
    ])
      expect(safeText(text)).toBe(text)
  })

  it('passes null and undefined through, so optional fields need no guard', () => {
    expect(safeText(null)).toBeNull()
    expect(safeText(undefined)).toBeUndefined()
  })

  it('gives the same answer however often it is called (no regex state kept)', () => {
    for (let i = 0; i < 3; i++) expect(safeText('x\u202Ey')).toBe('xy')
  })
})
