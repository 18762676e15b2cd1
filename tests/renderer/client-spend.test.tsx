// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi } from './fake-api'
import { renderApp } from './helpers'

describe('spend by client (Usage)', () => {
  it('chooses a current client, clears it, and shows each client’s spend for the month', async () => {
    const fake = new FakeApi()
    fake.clientSpendRows = [
      {
        client: 'Acme Co',
        modashMilliCredits: 1_150,
        discoveryResults: 15,
        reports: 1,
        emailLookups: 2,
      },
      { client: null, modashMilliCredits: 1_005, discoveryResults: 0, reports: 1, emailLookups: 0 },
    ]
    await renderApp(fake)
    act(() => useUiStore.getState().navigate('usage'))
    const panel = await screen.findByRole('region', { name: 'Spend by client' })
    const table = await within(panel).findByRole('table')
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent)
    expect(rows).toEqual([
      'ClientModash creditsDiscovery resultsReportsEmail lookups',
      'Acme Co1.151512',
      'No client1.01010',
    ])
    expect(within(panel).getByText('Paid actions are not tagged with a client.')).toBeTruthy()

    fireEvent.change(within(panel).getByLabelText('Current client'), {
      target: { value: '  Beta Ltd ' },
    })
    fireEvent.click(within(panel).getByRole('button', { name: 'Set client' }))
    expect(await within(panel).findByText('Paid actions are tagged with “Beta Ltd”.')).toBeTruthy()
    expect(fake.callsTo('settings:set')).toEqual([{ currentClient: 'Beta Ltd' }])
    expect(fake.settings.currentClient).toBe('Beta Ltd')

    fireEvent.click(within(panel).getByRole('button', { name: 'Clear client' }))
    expect(
      await within(panel).findByText('Paid actions are not tagged with a client.'),
    ).toBeTruthy()
    expect(fake.callsTo('settings:set').at(-1)).toEqual({ currentClient: null })

    fireEvent.change(within(panel).getByLabelText('Month (UTC)'), { target: { value: '2026-10' } })
    await waitFor(() =>
      expect(fake.callsTo('usage:client-spend').at(-1)).toEqual({ month: '2026-10' }),
    )
    fireEvent.click(within(panel).getByRole('button', { name: 'Export spend by client (CSV)' }))
    expect(await within(panel).findByText(/Exported 2 rows to/)).toBeTruthy()
    expect(fake.callsTo('export:client-spend-csv')).toEqual([{ month: '2026-10' }])
  })
})
