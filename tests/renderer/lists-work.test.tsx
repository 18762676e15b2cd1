// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ListMember } from '../../src/shared/domain'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, fail, ok } from './fake-api'
import { makeCreator } from './fake-data'
import { renderApp, resetStores } from './helpers'

afterEach(() => localStorage.clear())

function member(id: number, overrides: Partial<ListMember> = {}): ListMember {
  return {
    listId: 1,
    creator: makeCreator(id, { followers: id * 1_000 }),
    email: id === 2 ? 'two@example.com' : null,
    notes: '',
    tags: [],
    status: 'shortlisted',
    addedAt: `2026-11-0${id}T10:00:00.000Z`,
    ...overrides,
  }
}

/** A fake whose update-member really updates its members, as main does. */
function listFake(): FakeApi {
  const fake = new FakeApi()
  fake.lists = [{ id: 1, name: 'Summer', memberCount: 3, createdAt: '', updatedAt: '' }]
  fake.members.set(1, [member(1), member(2), member(3, { tags: ['vip'] })])
  fake.on('lists:update-member', ({ listId, creatorId, ...patch }) => {
    const members = fake.members.get(listId) ?? []
    const updated = members.map((m) => (m.creator.id === creatorId ? { ...m, ...patch } : m))
    fake.members.set(listId, updated)
    const m = updated.find((x) => x.creator.id === creatorId)
    return m ? ok(m) : fail('NOT_FOUND')
  })
  return fake
}

async function openList(fake: FakeApi) {
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('lists'))
  fireEvent.click(await screen.findByRole('button', { name: /^Summer/ }))
  await screen.findByText('@creator1')
}

const notesOf = (handle: string) => screen.getByLabelText<HTMLTextAreaElement>(`Notes on ${handle}`)

describe('notes are never lost', () => {
  it('saves while typing, after a pause, without leaving the field', async () => {
    const fake = listFake()
    await openList(fake)
    const notes = notesOf('@creator1')
    notes.focus()
    fireEvent.change(notes, { target: { value: 'Call back Tuesday\nBudget: 2 reels' } })
    expect(screen.getByText('Not saved yet…')).toBeTruthy()
    await waitFor(
      () =>
        expect(fake.callsTo('lists:update-member')).toEqual([
          { listId: 1, creatorId: 1, notes: 'Call back Tuesday\nBudget: 2 reels' },
        ]),
      { timeout: 3_000 },
    )
    expect(document.activeElement).toBe(notes)
    // Multi-line, and the limit is on the field.
    expect(notes.value).toContain('\n')
    expect(notes.getAttribute('maxLength')).toBe('10000')
  })

  it('saves at once when the user leaves the screen', async () => {
    const fake = listFake()
    await openList(fake)
    fireEvent.change(notesOf('@creator2'), { target: { value: 'Loves the brief' } })
    act(() => useUiStore.getState().navigate('search'))
    await waitFor(() =>
      expect(fake.callsTo('lists:update-member')).toEqual([
        { listId: 1, creatorId: 2, notes: 'Loves the brief' },
      ]),
    )
  })

  it('keeps a note that failed to save, says so, and saves it after a reload', async () => {
    const fake = listFake()
    fake.on('lists:update-member', () => fail('STORAGE', 'the database is locked'))
    await openList(fake)
    const notes = notesOf('@creator1')
    fireEvent.change(notes, { target: { value: 'Do not lose me' } })
    fireEvent.blur(notes)
    expect(await screen.findByText(/^Not saved\. It is kept here/)).toBeTruthy()
    expect(notes.value).toBe('Do not lose me')
    expect(notes.getAttribute('aria-invalid')).toBe('true')

    // "Reload": the app starts again from nothing but the draft kept on this computer.
    const again = listFake()
    cleanup()
    resetStores()
    await openList(again)
    expect(notesOf('@creator1').value).toBe('Do not lose me')
    await waitFor(() =>
      expect(again.callsTo('lists:update-member')).toEqual([
        { listId: 1, creatorId: 1, notes: 'Do not lose me' },
      ]),
    )
  })
})

describe('working through a list', () => {
  it('searches and sorts the members', async () => {
    await openList(listFake())
    const table = screen.getByRole('table')
    const handles = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.querySelector('button')?.textContent)
    expect(handles()).toEqual(['@creator3', '@creator2', '@creator1'])
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'handle' } })
    expect(handles()).toEqual(['@creator1', '@creator2', '@creator3'])
    fireEvent.change(screen.getByLabelText('Search this list'), { target: { value: 'two@' } })
    expect(handles()).toEqual(['@creator2'])
    fireEvent.change(screen.getByLabelText('Search this list'), { target: { value: 'vip' } })
    expect(handles()).toEqual(['@creator3'])
  })

  it('changes status and tags of every checked member, and removes them', async () => {
    const fake = listFake()
    await openList(fake)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @creator1' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @creator3' }))
    const bar = screen.getByRole('group', { name: 'Change 2 members at once' })
    fireEvent.change(within(bar).getByLabelText('Set status'), { target: { value: 'contacted' } })
    await waitFor(() => expect(fake.callsTo('lists:update-member')).toHaveLength(2))
    expect(fake.callsTo('lists:update-member')).toEqual([
      { listId: 1, creatorId: 1, status: 'contacted' },
      { listId: 1, creatorId: 3, status: 'contacted' },
    ])
    fireEvent.change(within(bar).getByLabelText('Tag'), { target: { value: 'vip' } })
    fireEvent.click(within(bar).getByRole('button', { name: 'Add tag' }))
    await waitFor(() => expect(fake.callsTo('lists:update-member')).toHaveLength(3))
    // Creator 3 already had it: only creator 1 changes.
    expect(fake.callsTo('lists:update-member')[2]).toEqual({
      listId: 1,
      creatorId: 1,
      tags: ['vip'],
    })
    expect(screen.getByLabelText<HTMLInputElement>('Tags of @creator1').value).toBe('vip')

    await waitFor(() =>
      expect(
        within(bar).getByRole<HTMLButtonElement>('button', { name: 'Remove from list' }).disabled,
      ).toBe(false),
    )
    fireEvent.click(within(bar).getByRole('button', { name: 'Remove from list' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove 2 members' }),
    )
    await waitFor(() =>
      expect(fake.callsTo('lists:remove')).toEqual([{ listId: 1, creatorIds: [1, 3] }]),
    )
    await waitFor(() => expect(screen.queryByText('@creator1')).toBeNull())
    expect(screen.getByText('@creator2')).toBeTruthy()
  })

  it('offers the list used last when adding creators again', async () => {
    const fake = listFake()
    fake.lists = [
      ...fake.lists,
      { id: 2, name: 'Winter', memberCount: 0, createdAt: '', updatedAt: '' },
    ]
    await renderApp(fake)
    act(() => useUiStore.getState().openAddToList([7]))
    let dialog = await screen.findByTestId('add-to-list-dialog')
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'List' }), {
      target: { value: '2' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 1 creator' }))
    await waitFor(() => expect(screen.queryByTestId('add-to-list-dialog')).toBeNull())

    act(() => useUiStore.getState().openAddToList([8]))
    dialog = await screen.findByTestId('add-to-list-dialog')
    await waitFor(() =>
      expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'List' }).value).toBe(
        '2',
      ),
    )
  })
})
