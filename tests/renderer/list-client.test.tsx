// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, fail } from './fake-api'
import { renderApp } from './helpers'

afterEach(() => localStorage.clear())

function fakeWithLists(): FakeApi {
  const fake = new FakeApi()
  fake.lists = [
    { id: 1, name: 'Summer', memberCount: 0, createdAt: '', updatedAt: '', client: null },
    { id: 2, name: 'Winter', memberCount: 0, createdAt: '', updatedAt: '', client: 'Acme' },
  ]
  return fake
}

async function openList(name: string) {
  act(() => useUiStore.getState().navigate('lists'))
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^${name}`) }))
  await screen.findByRole('heading', { name })
}

const clientField = () => screen.getByLabelText<HTMLInputElement>('Client')

describe("a list's client", () => {
  it('is set, shown as stored, and cleared', async () => {
    const fake = fakeWithLists()
    await renderApp(fake)
    await openList('Summer')
    expect(screen.getByText(/Not billed to a client/)).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Set client' }).disabled).toBe(
      true,
    )

    fireEvent.change(clientField(), { target: { value: '  Glow Cosmetics  ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set client' }))
    await screen.findByText(/billed to “Glow Cosmetics” when no current client is set/)
    expect(fake.callsTo('lists:set-client')).toEqual([{ listId: 1, client: 'Glow Cosmetics' }])

    fireEvent.click(screen.getByRole('button', { name: 'Clear client' }))
    await screen.findByText(/Not billed to a client/)
    expect(fake.callsTo('lists:set-client').at(-1)).toEqual({ listId: 1, client: null })
    expect(clientField().value).toBe('')
  })

  it("shows each list's own client when another list is opened", async () => {
    await renderApp(fakeWithLists())
    await openList('Winter')
    expect(clientField().value).toBe('Acme')
    await openList('Summer')
    expect(clientField().value).toBe('')
  })

  it('keeps the stored client and says why when saving is refused', async () => {
    const fake = fakeWithLists()
    fake.on('lists:set-client', () => fail('VALIDATION', 'Invalid client: no control characters'))
    await renderApp(fake)
    await openList('Winter')
    fireEvent.change(clientField(), { target: { value: 'Beta' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set client' }))
    const alert = await screen.findByRole('alert')
    expect(alert.getAttribute('data-code')).toBe('VALIDATION')
    expect(alert.textContent).toContain('Some input was not accepted')
    // What is stored is still what the line under the field says.
    await waitFor(() => expect(screen.getByText(/billed to “Acme”/)).toBeTruthy())
  })
})
