// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FakeApi } from './fake-api'
import { makeCreator } from './fake-data'
import { renderApp } from './helpers'

async function appWithResults(): Promise<FakeApi> {
  const fake = new FakeApi()
  fake.searchPool = Array.from({ length: 15 }, (_, i) => makeCreator(i + 1))
  await renderApp(fake)
  fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
  await screen.findByText('@creator1')
  return fake
}

const press = (key: string, init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(document.body, { key, ...init })
const activeRow = () => screen.getByRole('grid').getAttribute('aria-activedescendant')

describe('keyboard shortcuts', () => {
  it('j and k move the cursor through the results', async () => {
    await appWithResults()
    expect(activeRow()).toBe('result-row-0')
    press('j')
    press('j')
    expect(activeRow()).toBe('result-row-2')
    press('k')
    expect(activeRow()).toBe('result-row-1')
    press('k')
    press('k')
    expect(activeRow()).toBe('result-row-0')
  })

  it('Enter opens the current result without buying anything', async () => {
    const fake = await appWithResults()
    press('j')
    press('Enter')
    const drawer = await screen.findByRole('complementary', { name: 'Creator profile' })
    expect(fake.callsTo('creators:get')).toEqual([{ creatorId: 2 }])
    expect(fake.callsTo('creators:select')).toHaveLength(0)
    expect(await within(drawer).findByRole('heading', { name: 'Creator 2' })).toBeTruthy()
  })

  it('letters typed into a field are not shortcuts', async () => {
    await appWithResults()
    const bio = screen.getByLabelText('Bio words')
    fireEvent.keyDown(bio, { key: 'j' })
    expect(activeRow()).toBe('result-row-0')
  })

  it('? lists every shortcut', async () => {
    await appWithResults()
    press('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const text of [
      'Next result',
      'Previous result',
      'Open the current result',
      'Command palette (⌘K on macOS)',
    ]) {
      expect(within(help).getByText(text)).toBeTruthy()
    }
    fireEvent.keyDown(help, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('/ focuses the results filter', async () => {
    await appWithResults()
    press('/')
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Filter loaded results (free)')),
    )
  })

  it('s opens "Add to list" for the current row; r asks before buying a report', async () => {
    const fake = await appWithResults()
    press('s')
    expect(await screen.findByRole('dialog', { name: 'Add 1 creator to a list' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    press('r')
    const confirm = await screen.findByRole('dialog', {
      name: 'Buy a detailed report for @creator1?',
    })
    expect(fake.callsTo('creators:select')).toHaveLength(0)
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fake.callsTo('creators:select')).toHaveLength(0)
  })
})

describe('command palette', () => {
  it('opens on Ctrl+K and navigates to a screen', async () => {
    await renderApp(new FakeApi())
    press('k', { ctrlKey: true })
    const palette = await screen.findByRole('dialog', { name: 'Command palette' })
    const input = within(palette).getByRole('combobox', { name: 'Type a command' })
    expect(document.activeElement).toBe(input)
    fireEvent.change(input, { target: { value: 'go lists' } })
    expect(
      within(palette)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Go to Lists'])
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('button', { name: 'Lists' }).getAttribute('aria-current')).toBe('page')
  })

  it('opens on Cmd+K too and shows the current search cost', async () => {
    await renderApp(new FakeApi())
    press('k', { metaKey: true })
    const palette = await screen.findByRole('dialog', { name: 'Command palette' })
    expect(
      within(palette).getByText('Run search: Search — up to 15 discovery results'),
    ).toBeTruthy()
  })
})
