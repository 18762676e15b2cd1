// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { renderApp } from './helpers'

const SECRET = 'sk_live_SUPERSECRET_123'

async function openSettings(fake: FakeApi) {
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('settings'))
  return screen.findByTestId('key-modash')
}

describe('API keys screen', () => {
  it('sends the key to main and never renders it back', async () => {
    const fake = new FakeApi()
    const row = await openSettings(fake)
    const input = within(row).getByLabelText<HTMLInputElement>('Modash API key')
    expect(input.type).toBe('password')
    expect(within(row).getByText('Not configured')).toBeTruthy()

    fireEvent.change(input, { target: { value: SECRET } })
    fireEvent.click(within(row).getByRole('button', { name: 'Save Modash API key' }))

    await waitFor(() =>
      expect(fake.callsTo('keys:set')).toEqual([{ key: 'modash', value: SECRET }]),
    )
    expect(await within(row).findByText(/^Configured/)).toBeTruthy()
    expect(input.value).toBe('')
    expect(document.body.innerHTML).not.toContain(SECRET)
  })

  it('tests and clears a configured key', async () => {
    const fake = new FakeApi()
    fake.keys = {
      ...fake.keys,
      keys: { ...fake.keys.keys, modash: { configured: true, from: 'keychain' } },
    }
    const row = await openSettings(fake)
    expect(await within(row).findByText('Configured (in the system keychain)')).toBeTruthy()
    fireEvent.click(within(row).getByRole('button', { name: 'Test Modash API key' }))
    expect(await within(row).findByText(/Test passed/)).toBeTruthy()
    fireEvent.click(within(row).getByRole('button', { name: 'Clear Modash API key' }))
    await waitFor(() => expect(fake.callsTo('keys:clear')).toEqual([{ key: 'modash' }]))
    expect(await within(row).findByText('Not configured')).toBeTruthy()
  })

  it('clears the cache only after confirmation', async () => {
    const fake = new FakeApi()
    await openSettings(fake)
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache…' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }),
    )
    expect(fake.callsTo('cache:clear')).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache…' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Clear cache' }),
    )
    await waitFor(() => expect(fake.callsTo('cache:clear')).toEqual([{ confirm: true }]))
  })

  it('saves limits and the billing day', async () => {
    const fake = new FakeApi()
    await openSettings(fake)
    const day = await screen.findByLabelText('Billing cycle day (1–28)')
    fireEvent.change(day, { target: { value: '15' } })
    fireEvent.change(screen.getByLabelText('Reports per month'), { target: { value: '900' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }))
    await waitFor(() => expect(fake.callsTo('settings:set')).toHaveLength(1))
    expect(fake.callsTo('settings:set')[0]).toMatchObject({
      billingCycleDay: 15,
      limits: { report: 900 },
    })
  })
})
