import { describe, expect, it } from 'vitest'
import { normaliseHandle } from '../../../src/main/services/handles'

describe('normaliseHandle', () => {
  it.each([
    ['@Jane.Doe', 'jane.doe'],
    ['jane.doe', 'jane.doe'],
    ['  @@JANE.DOE  ', 'jane.doe'],
    ['https://www.instagram.com/jane.doe/', 'jane.doe'],
    ['instagram.com/Jane.Doe?hl=en', 'jane.doe'],
    ['https://www.tiktok.com/@jane.doe', 'jane.doe'],
    ['https://youtube.com/@JaneDoe/videos', 'janedoe'],
    ['https://www.youtube.com/c/JaneDoe', 'janedoe'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHandle(input)).toBe(expected)
  })

  it.each([
    '',
    '@',
    'https://www.instagram.com/',
    "jane'; DROP TABLE creators;--",
    'a b',
    'x'.repeat(101),
  ])('refuses %j', (input) => {
    expect(normaliseHandle(input)).toBeNull()
  })
})
