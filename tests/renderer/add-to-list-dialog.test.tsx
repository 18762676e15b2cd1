// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { renderApp } from './helpers'

describe('add to list dialog', () => {
  it('starts blank every time it opens, so a leftover name cannot create a duplicate list', async () => {
    const fake = await renderApp(new FakeApi())
    act(() => useUiStore.getState().openAddToList([1]))
    const first = await screen.findByTestId('add-to-list-dialog')
    fireEvent.change(within(first).getByLabelText('New list name'), { target: { value: 'Autumn' } })
    fireEvent.click(within(first).getByRole('button', { name: 'Cancel' }))

    act(() => useUiStore.getState().openAddToList([2]))
    const second = await screen.findByTestId('add-to-list-dialog')
    expect(within(second).getByLabelText<HTMLInputElement>('New list name').value).toBe('')
    expect(within(second).getByRole('button', { name: 'Add 1 creator' })).toHaveProperty(
      'disabled',
      true,
    )
    expect(within(second).getByRole('combobox', { name: 'List' })).toBeTruthy()
    expect(fake.callsTo('lists:create')).toEqual([])
  })
})
