// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { clearPlatformStash } from '../../src/renderer/src/stores/platform-stash'
import { useSearchStore } from '../../src/renderer/src/stores/search-store'
import { useSelectionStore } from '../../src/renderer/src/stores/selection-store'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, ok } from './fake-api'
import { makeCreator } from './fake-data'
import { renderApp } from './helpers'

afterEach(() => {
  localStorage.clear()
  clearPlatformStash()
})

const openPalette = async () => {
  fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true })
  const palette = await screen.findByRole('dialog', { name: 'Command palette' })
  return { palette, input: within(palette).getByRole('combobox', { name: 'Type a command' }) }
}

const options = (palette: HTMLElement) =>
  within(palette)
    .queryAllByRole('option')
    .map((o) => o.textContent)

describe('first launch in sandbox mode', () => {
  it('says what sandbox mode is and how to leave it, until dismissed', async () => {
    await renderApp(new FakeApi())
    const welcome = await screen.findByRole('region', { name: /^You are in sandbox mode/ })
    expect(welcome.textContent).toContain('nothing real is spent')
    expect(welcome.textContent).toContain('Leave sample data')
    fireEvent.click(within(welcome).getByRole('button', { name: 'Got it' }))
    expect(screen.queryByRole('region', { name: /^You are in sandbox mode/ })).toBeNull()
    expect(localStorage.getItem('creator-desk:sandbox-welcome-dismissed')).toBe('1')
  })

  it('keeps how to finish a manual restart on screen', async () => {
    const fake = new FakeApi().on('app:set-mode', ({ mode }) =>
      ok({
        mode,
        restarting: false,
        message: 'Restart Creator Desk to switch: stop the browser preview (Ctrl+C)…',
      }),
    )
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('settings'))
    fireEvent.click(await screen.findByRole('button', { name: 'Leave sample data' }))
    const note = await screen.findByText(/stop the browser preview \(Ctrl\+C\)/)
    expect(note.getAttribute('role')).toBe('status')
  })
})

describe('the command palette reaches everything', () => {
  it('jumps to every screen, opens and exports a list, and toggles offline', async () => {
    const fake = new FakeApi()
    fake.lists = [{ id: 4, name: 'Summer', memberCount: 2, createdAt: '', updatedAt: '' }]
    await renderApp(fake)
    let { palette, input } = await openPalette()
    fireEvent.change(input, { target: { value: 'go to' } })
    expect(options(palette)).toEqual([
      'Go to Search',
      'Go to Lists',
      'Go to Bulk',
      'Go to History',
      'Go to Usage',
      'Go to Settings',
    ])
    fireEvent.change(input, { target: { value: 'summer' } })
    await waitFor(() =>
      expect(options(palette)).toEqual(['Open list “Summer”', 'Export list “Summer” as CSV']),
    )
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(fake.callsTo('lists:members')).toEqual([{ listId: 4 }]))
    expect(useUiStore.getState().screen).toBe('lists')

    ;({ palette, input } = await openPalette())
    fireEvent.change(input, { target: { value: 'export summer' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(fake.callsTo('export:csv')).toEqual([{ listId: 4, bom: true }]))
    expect(
      await screen.findByText(/Exported 0 rows to \/home\/me\/Exports\/list\.csv/),
    ).toBeTruthy()

    ;({ palette, input } = await openPalette())
    fireEvent.change(input, { target: { value: 'offline on' } })
    expect(options(palette)).toEqual(['Turn offline mode on (cached data only)'])
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(fake.callsTo('settings:set')).toEqual([{ offline: true }]))
  })

  it('exports the checked results', async () => {
    const fake = await renderApp(new FakeApi())
    act(() => useSelectionStore.getState().setAll([3, 5], true))
    const { input } = await openPalette()
    fireEvent.change(input, { target: { value: 'export checked' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() =>
      expect(fake.callsTo('export:csv')).toEqual([{ creatorIds: [3, 5], bom: true }]),
    )
  })
})

describe('state that belongs to its place', () => {
  it('keeps each platform tab’s loaded results when switching and back', async () => {
    const fake = new FakeApi()
    fake.searchPool = Array.from({ length: 15 }, (_, i) => makeCreator(i + 1))
    await renderApp(fake)
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    await screen.findByText('@creator1')
    fireEvent.click(screen.getByRole('tab', { name: 'TikTok' }))
    expect(screen.queryByText('@creator1')).toBeNull()
    expect(useSearchStore.getState().platform).toBe('tiktok')
    fireEvent.click(screen.getByRole('tab', { name: 'Instagram' }))
    expect(await screen.findByText('@creator1')).toBeTruthy()
    expect(useSearchStore.getState().rows).toHaveLength(15)
    expect(fake.callsTo('creators:search')).toHaveLength(1)
  })
})
