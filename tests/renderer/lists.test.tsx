// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { makeCreator } from './fake-data'
import { renderApp } from './helpers'

async function listsWithMembers(): Promise<FakeApi> {
  const fake = new FakeApi()
  fake.lists = [{ id: 1, name: 'Summer', memberCount: 2, createdAt: '', updatedAt: '' }]
  const member = (id: number, email: string | null) => ({
    listId: 1,
    creator: makeCreator(id),
    email,
    notes: '',
    tags: [],
    status: 'shortlisted' as const,
    addedAt: '',
  })
  fake.members.set(1, [member(1, 'one@example.com'), member(2, null)])
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('lists'))
  fireEvent.click(await screen.findByRole('button', { name: /^Summer/ }))
  await screen.findByText('@creator1')
  return fake
}

describe('lists', () => {
  it('creates a list and opens it', async () => {
    const fake = new FakeApi()
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('lists'))
    fireEvent.change(await screen.findByLabelText('New list name'), { target: { value: 'Autumn' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create list' }))
    expect(await screen.findByRole('heading', { name: 'Autumn' })).toBeTruthy()
    expect(fake.callsTo('lists:create')).toEqual([{ name: 'Autumn' }])
  })

  it('renames a list', async () => {
    const fake = await listsWithMembers()
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }))
    fireEvent.change(screen.getByLabelText('List name'), { target: { value: 'Summer 2027' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }))
    expect(await screen.findByRole('heading', { name: 'Summer 2027' })).toBeTruthy()
    expect(fake.callsTo('lists:rename')).toEqual([{ listId: 1, name: 'Summer 2027' }])
  })

  it('deletes only after confirmation', async () => {
    const fake = await listsWithMembers()
    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fake.callsTo('lists:delete')).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete list' }),
    )
    await waitFor(() => expect(fake.callsTo('lists:delete')).toEqual([{ listId: 1 }]))
  })

  it('updates a member status', async () => {
    const fake = await listsWithMembers()
    fireEvent.change(screen.getByLabelText('Status of @creator2'), {
      target: { value: 'contacted' },
    })
    await waitFor(() =>
      expect(fake.callsTo('lists:update-member')).toEqual([
        { listId: 1, creatorId: 2, status: 'contacted' },
      ]),
    )
  })

  it('exports to CSV and reports the path and row count', async () => {
    const fake = await listsWithMembers()
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByText(/Exported 2 rows to/)).toBeTruthy()
    expect(screen.getByText('/home/me/Exports/list.csv')).toBeTruthy()
    expect(fake.callsTo('export:csv')).toEqual([{ listId: 1, bom: true }])
  })

  it('copies the known emails', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await listsWithMembers()
    fireEvent.click(screen.getByRole('button', { name: 'Copy all emails' }))
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('one@example.com'))
    expect(await screen.findByText('Copied 1 email to the clipboard.')).toBeTruthy()
  })
})
