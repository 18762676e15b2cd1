// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/renderer/src/errors/error-words'
import { draftToFilters, emptyDraft } from '../../src/renderer/src/lib/filter-draft'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { renderApp } from './helpers'

const INTERNAL = /›|influencer|expected|regex|\^|\$|\\p\{|too_big|Too big/

describe('search filter problems in plain words, at their field', () => {
  it('never shows a schema path or a pattern', () => {
    const long = draftToFilters({ ...emptyDraft, bio: 'x'.repeat(300) }, 'instagram')
    expect(long.problems).toEqual(['Bio words can be at most 200 characters.'])
    expect(long.fieldProblems[0]?.field).toBe('bio')
    const tags = draftToFilters({ ...emptyDraft, mentions: 'brand-name' }, 'instagram')
    expect(tags.fieldProblems).toEqual([
      {
        field: 'mentions',
        message:
          'Mentions can only hold letters, numbers, dots and underscores, up to 100 characters each.',
      },
    ])
    for (const p of [...long.problems, ...tags.problems]) expect(p).not.toMatch(INTERNAL)
  })

  it('marks the field, moves focus there and says what is allowed', async () => {
    const fake = await renderApp(new FakeApi())
    const bio = screen.getByLabelText('Bio words')
    expect(bio.getAttribute('maxLength')).toBe('200')
    fireEvent.change(screen.getByLabelText('Hashtags'), { target: { value: '#ok, #not-ok' } })
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    const hashtags = screen.getByLabelText(/^Hashtags/)
    await waitFor(() => expect(document.activeElement).toBe(hashtags))
    expect(hashtags.getAttribute('aria-invalid')).toBe('true')
    const message = document.getElementById(hashtags.getAttribute('aria-errormessage') ?? '')
    expect(message?.textContent).toBe(
      'Hashtags can only hold letters, numbers, dots and underscores, up to 100 characters each.',
    )
    expect(fake.callsTo('creators:search')).toHaveLength(0)
    // Fixing the field clears the mark.
    fireEvent.change(hashtags, { target: { value: '#ok' } })
    expect(hashtags.getAttribute('aria-invalid')).toBeNull()
  })

  it('a refused input from main is said without its internals', () => {
    const words = describeError({
      code: 'VALIDATION',
      message:
        'Invalid input for creators:search: filters.influencer.bio: Too big: expected string to have <=200 characters',
      details: { issues: [{ path: ['filters', 'influencer', 'bio'], message: 'Too big' }] },
    })
    expect(words.detail).toMatch(/^Bio words: /)
    expect(words.detail).not.toMatch(INTERNAL)
  })
})

describe('settings fields', () => {
  async function openSettings(fake = new FakeApi()) {
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('settings'))
    await screen.findByRole('heading', { name: 'Limits and billing' })
    return fake
  }

  it('says what a monthly limit allows, at the field, and saves nothing', async () => {
    const fake = await openSettings()
    const limits = screen.getByRole('region', { name: 'Limits and billing' })
    const reports = within(limits).getByLabelText(/^Reports per month/)
    fireEvent.change(reports, { target: { value: '-5' } })
    const discovery = within(limits).getByLabelText(/^Discovery results per month/)
    fireEvent.change(discovery, { target: { value: '999999999999' } })
    fireEvent.click(within(limits).getByRole('button', { name: 'Save limits' }))
    await waitFor(() => expect(document.activeElement).toBe(discovery))
    expect(limits.textContent).toContain(
      'Discovery results per month must be a whole number from 0 to 100,000,000.',
    )
    expect(limits.textContent).toContain(
      'Reports per month must be a whole number from 0 to 1,000,000.',
    )
    expect(limits.textContent).not.toContain('Use whole numbers')
    expect(reports.getAttribute('aria-invalid')).toBe('true')
    expect(fake.callsTo('settings:set')).toHaveLength(0)

    fireEvent.change(discovery, { target: { value: '150,000' } })
    fireEvent.change(reports, { target: { value: '2000' } })
    fireEvent.click(within(limits).getByRole('button', { name: 'Save limits' }))
    await waitFor(() => expect(fake.callsTo('settings:set')).toHaveLength(1))
    expect(fake.callsTo('settings:set')[0]?.limits).toMatchObject({
      discovery: 150_000,
      report: 2_000,
    })
  })

  it('sets the user name the audit log records', async () => {
    const fake = await openSettings()
    const name = screen.getByLabelText(/^Your name/)
    expect((name as HTMLInputElement).value).toBe('tester')
    expect(name.getAttribute('maxLength')).toBe('120')
    fireEvent.change(name, { target: { value: '   ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }))
    expect(await screen.findByText(/Your name cannot be empty/)).toBeTruthy()
    fireEvent.change(name, { target: { value: 'Ana López' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }))
    await waitFor(() => expect(fake.callsTo('settings:set')).toEqual([{ userId: 'Ana López' }]))
  })
})
