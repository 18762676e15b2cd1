// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, ok } from './fake-api'
import { renderApp } from './helpers'

/** The app as a first launch sees it: real mode, no keys. */
function firstLaunch(): FakeApi {
  const fake = new FakeApi()
  fake.settings = { ...fake.settings, sandbox: false }
  return fake.on('app:info', () =>
    ok({ version: '0.1.0', dataDir: '/home/me/cd', mode: 'real', keychain: 'available' }),
  )
}

describe('sample data', () => {
  it('offers sample data on first launch without a Modash key, and asks main to switch', async () => {
    const fake = await renderApp(firstLaunch())
    const offer = await screen.findByRole('note', { name: 'No Modash key yet' })
    fireEvent.click(offer.querySelector('button')!)
    await waitFor(() => expect(fake.callsTo('app:set-mode')).toEqual([{ mode: 'sandbox' }]))
    expect(await screen.findByText('Restart Creator Desk to switch.')).toBeTruthy()
  })

  it('does not offer it once a Modash key is set', async () => {
    const fake = firstLaunch()
    fake.keys = {
      ...fake.keys,
      keys: { ...fake.keys.keys, modash: { configured: true, from: 'keychain' } },
    }
    await renderApp(fake)
    await waitFor(() => expect(fake.callsTo('keys:status').length).toBeGreaterThan(0))
    expect(screen.queryByRole('note', { name: 'No Modash key yet' })).toBeNull()
  })

  it('lets a sandbox run leave sample data from Settings', async () => {
    const fake = await renderApp(new FakeApi())
    act(() => useUiStore.getState().navigate('settings'))
    fireEvent.click(await screen.findByRole('button', { name: 'Leave sample data' }))
    await waitFor(() => expect(fake.callsTo('app:set-mode')).toEqual([{ mode: 'real' }]))
  })
})
