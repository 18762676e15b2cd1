// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ResultsTable } from '../../src/renderer/src/screens/search/ResultsTable'
import { useSearchStore } from '../../src/renderer/src/stores/search-store'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, installFakeApi } from './fake-api'
import { makeCreator, makeDetail, makeReport } from './fake-data'
import { renderApp } from './helpers'

/** Any direction control left in what the user sees, text or attribute. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const HANDLE = 'evil\u202Egnp.exe'
const NAME = '\u202EJane\u2066 Doe\u2069'

describe('direction controls in names, handles, bios and list names', () => {
  it('shows a search result’s name and handle neutralised, labels included', () => {
    installFakeApi()
    useSearchStore.setState({
      rows: [{ creator: makeCreator(1, { handle: HANDLE, fullName: NAME }), fresh: false }],
      status: 'done',
    })
    render(<ResultsTable />)
    const row = screen.getByTestId('result-row')
    expect(within(row).getByRole('button', { name: '@evilgnp.exe' })).toBeTruthy()
    expect(within(row).getByText('Jane Doe')).toBeTruthy()
    expect(within(row).getByRole('checkbox', { name: 'Select @evilgnp.exe' })).toBeTruthy()
    expect(row.outerHTML).not.toMatch(BIDI)
  })

  it('shows the profile’s name, handle, bio and captions neutralised', async () => {
    const fake = new FakeApi()
    const base = makeReport()
    const report = makeReport({
      bio: 'Skincare \u202Eevil\u202C bio',
      recentPosts: [{ ...base.recentPosts[0]!, text: 'Caption \u2067flipped\u2069' }],
    })
    const detail = makeDetail(1, { reportAgeDays: 2 })
    fake.details.set(1, {
      ...detail,
      creator: { ...detail.creator, handle: HANDLE, fullName: NAME },
      report,
    })
    await renderApp(fake)
    act(() => useUiStore.getState().openProfile(1))
    const drawer = await screen.findByRole('complementary', { name: 'Creator profile' })
    expect(await within(drawer).findByRole('heading', { name: 'Jane Doe' })).toBeTruthy()
    expect(await within(drawer).findByText('Skincare evil bio')).toBeTruthy()
    expect(within(drawer).getByText('Caption flipped')).toBeTruthy()
    expect(within(drawer).getByText(/@evilgnp\.exe/)).toBeTruthy()
    expect(drawer.querySelector('.profile-header')?.outerHTML).not.toMatch(BIDI)
    expect(drawer.querySelector('.bio')?.textContent).not.toMatch(BIDI)
  })

  it('shows list names and member names neutralised', async () => {
    const fake = new FakeApi()
    fake.lists = [{ id: 1, name: 'Q4 \u202ELaunch', memberCount: 1, createdAt: '', updatedAt: '' }]
    fake.members.set(1, [
      {
        listId: 1,
        creator: makeCreator(1, { handle: HANDLE, fullName: NAME }),
        email: null,
        notes: '',
        tags: [],
        status: 'shortlisted',
        addedAt: '',
      },
    ])
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('lists'))
    fireEvent.click(await screen.findByRole('button', { name: /^Q4 Launch/ }))
    expect(await screen.findByRole('heading', { name: 'Q4 Launch' })).toBeTruthy()
    const member = await screen.findByRole('rowheader', { name: /@evilgnp\.exe/ })
    expect(member.textContent).toBe('@evilgnp.exeJane Doe')
    expect(screen.getByRole('navigation', { name: /lists/i }).textContent).not.toMatch(BIDI)
  })
})
