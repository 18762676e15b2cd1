// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import { FakeApi, fail, ok } from './fake-api'
import { makeCreator, makeDetail, makeSettings } from './fake-data'
import { renderApp } from './helpers'

async function openClaySettings(fake: FakeApi) {
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('settings'))
  return screen.findByRole('region', { name: 'Clay routine' })
}

/** Two cached creators: one without a report, one with a report and no email (the best sample). */
function withSamples(fake: FakeApi): FakeApi {
  fake.searchPool = [
    makeCreator(1),
    makeCreator(2, { handle: 'janedoe.skin', hasDetailedProfile: true }),
  ]
  return fake
}

async function confirmDialog(button: string) {
  fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: button }))
}

describe('Settings → Clay', () => {
  it("shows the routine's column names and saves only the mapping the user typed", async () => {
    const fake = new FakeApi()
    const section = await openClaySettings(fake)
    const handle = within(section).getByLabelText<HTMLInputElement>('Handle goes to column')
    expect(handle.value).toBe('Handle')
    expect(
      within(section).getByLabelText<HTMLInputElement>('Email is in result column').value,
    ).toBe('Work Email')

    fireEvent.change(handle, { target: { value: 'Instagram Handle' } })
    fireEvent.change(within(section).getByLabelText('Platform goes to column'), {
      target: { value: '  ' },
    })
    fireEvent.click(within(section).getByRole('button', { name: 'Save Clay set-up' }))
    await waitFor(() => expect(fake.callsTo('settings:set')).toHaveLength(1))
    expect(fake.callsTo('settings:set')[0]).toEqual({
      clayMapping: {
        inputs: {
          fullName: 'Full Name',
          handle: 'Instagram Handle',
          profileUrl: 'Profile URL',
          platform: null,
          companyDomain: 'Domain',
        },
        emailPath: 'Work Email',
      },
    })
  })

  it('refuses an email path with an empty part before sending anything', async () => {
    const fake = new FakeApi()
    const section = await openClaySettings(fake)
    fireEvent.change(within(section).getByLabelText('Email is in result column'), {
      target: { value: 'Enrich person..email' },
    })
    fireEvent.click(within(section).getByRole('button', { name: 'Save Clay set-up' }))
    expect((await within(section).findByRole('alert')).textContent).toMatch(/no empty part/)
    expect(fake.callsTo('settings:set')).toHaveLength(0)
  })

  it('runs a test only after confirming its cost, then lets the user pick the email column', async () => {
    const fake = withSamples(new FakeApi())
    const section = await openClaySettings(fake)
    const sample = within(section).getByLabelText<HTMLSelectElement>('Sample creator')
    await waitFor(() => expect(sample.value).toBe('2'))

    const run = within(section).getByRole('button', { name: 'Test run on a sample creator' })
    fireEvent.click(run)
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toMatch(/Cost: 1 email lookup/)
    expect(dialog.textContent).toMatch(/@janedoe\.skin/)
    await confirmDialog('Cancel')
    expect(fake.callsTo('clay:test-routine')).toHaveLength(0)

    fireEvent.click(run)
    await confirmDialog('Run test (1 lookup)')
    await waitFor(() => expect(fake.callsTo('clay:test-routine')).toEqual([{ creatorId: 2 }]))

    const columns = await within(section).findByRole('list', {
      name: /pick the one with the email/,
    })
    const nested = within(columns).getByRole('button', { name: 'Enrich person.email' })
    expect(nested.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(nested)
    expect(nested.getAttribute('aria-pressed')).toBe('true')
    expect(
      within(section).getByLabelText<HTMLInputElement>('Email is in result column').value,
    ).toBe('Enrich person.email')
    fireEvent.click(within(section).getByRole('button', { name: 'Save Clay set-up' }))
    await waitFor(() =>
      expect(fake.callsTo('settings:set').at(-1)).toMatchObject({
        clayMapping: { emailPath: 'Enrich person.email' },
      }),
    )
    // The keys stay on screen after saving.
    expect(within(section).getByRole('button', { name: 'Work Email' })).toBeTruthy()
  })

  it('saves an edited mapping before the test run, so the run uses what is on screen', async () => {
    const fake = withSamples(new FakeApi())
    const section = await openClaySettings(fake)
    await waitFor(() =>
      expect(within(section).getByLabelText<HTMLSelectElement>('Sample creator').value).toBe('2'),
    )
    fireEvent.change(within(section).getByLabelText('Handle goes to column'), {
      target: { value: 'IG Handle' },
    })
    fireEvent.click(within(section).getByRole('button', { name: 'Test run on a sample creator' }))
    await confirmDialog('Run test (1 lookup)')
    await waitFor(() => expect(fake.callsTo('clay:test-routine')).toHaveLength(1))
    const saveIndex = fake.calls.findIndex((c) => c.channel === 'settings:set')
    const testIndex = fake.calls.findIndex((c) => c.channel === 'clay:test-routine')
    expect(saveIndex).toBeGreaterThan(-1)
    expect(saveIndex).toBeLessThan(testIndex)
    expect(fake.callsTo('settings:set')[0]).toMatchObject({
      clayMapping: { inputs: { handle: 'IG Handle' } },
    })
  })

  it("shows the routine's set-up problem in plain words", async () => {
    const fake = withSamples(new FakeApi()).on('clay:test-routine', () =>
      ok({
        resultKeys: [],
        email: null,
        problem: "Clay's routine returned no columns: map an output column in Clay.",
      }),
    )
    const section = await openClaySettings(fake)
    await waitFor(() =>
      expect(within(section).getByLabelText<HTMLSelectElement>('Sample creator').value).toBe('2'),
    )
    fireEvent.click(within(section).getByRole('button', { name: 'Test run on a sample creator' }))
    await confirmDialog('Run test (1 lookup)')
    expect(await within(section).findByText(/returned no columns/)).toBeTruthy()
  })

  it('says to search first when no creator is cached', async () => {
    const empty = await openClaySettings(new FakeApi())
    expect(await within(empty).findByText(/Search for creators first/)).toBeTruthy()
  })

  it('disables the test run offline', async () => {
    const fake = withSamples(new FakeApi())
    fake.settings = makeSettings({ offline: true })
    const section = await openClaySettings(fake)
    await waitFor(() =>
      expect(within(section).getByLabelText<HTMLSelectElement>('Sample creator').value).toBe('2'),
    )
    const run = within(section).getByRole<HTMLButtonElement>('button', {
      name: 'Test run on a sample creator',
    })
    expect(run.disabled).toBe(true)
  })
})

describe('an email lookup Clay is still working on', () => {
  async function openProfile(fake: FakeApi) {
    await renderApp(fake)
    act(() => useUiStore.getState().openProfile(1))
    return screen.findByRole('complementary', { name: 'Creator profile' })
  }

  function pendingDetail() {
    const detail = makeDetail(1, { reportAgeDays: 2 })
    detail.email = { ...detail.email, pendingLookup: { startedAt: new Date().toISOString() } }
    return detail
  }

  it('offers to check again for free (no confirmation) and to abandon it', async () => {
    const fake = new FakeApi()
    fake.details.set(1, pendingDetail())
    const drawer = await openProfile(fake)
    expect(await within(drawer).findByText(/Clay is still looking for this email/)).toBeTruthy()
    fireEvent.click(within(drawer).getByRole('button', { name: 'Check again (free)' }))
    await waitFor(() => expect(fake.callsTo('creators:enrich')).toEqual([{ creatorId: 1 }]))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('abandons only after confirming, then offers a new (paid) lookup', async () => {
    const fake = new FakeApi()
    fake.details.set(1, pendingDetail())
    const drawer = await openProfile(fake)
    fireEvent.click(await within(drawer).findByRole('button', { name: 'Abandon lookup' }))
    await confirmDialog('Cancel')
    expect(fake.callsTo('creators:abandon-lookup')).toHaveLength(0)

    fireEvent.click(within(drawer).getByRole('button', { name: 'Abandon lookup' }))
    expect((await screen.findByRole('dialog')).textContent).toMatch(/refunds nothing/)
    await confirmDialog('Abandon lookup')
    await waitFor(() => expect(fake.callsTo('creators:abandon-lookup')).toEqual([{ creatorId: 1 }]))
    expect(await within(drawer).findByRole('button', { name: 'Find email' })).toBeTruthy()
    expect(within(drawer).queryByRole('button', { name: 'Abandon lookup' })).toBeNull()
  })

  it('shows progress while a click waits, and the pending state when Clay is still working', async () => {
    let answer: (value: unknown) => void = () => undefined
    const fake = new FakeApi().on(
      'creators:enrich',
      ({ creatorId }) =>
        new Promise((resolve) => {
          answer = () =>
            resolve(
              ok({
                creatorId,
                email: {
                  ...pendingDetail().email,
                  pendingLookup: { startedAt: new Date().toISOString() },
                },
                source: 'provider',
                enrichmentsCharged: 1,
              }),
            )
        }),
    )
    fake.details.set(1, makeDetail(1, { reportAgeDays: 2 }))
    const drawer = await openProfile(fake)
    fireEvent.click(await within(drawer).findByRole('button', { name: 'Find email' }))
    await confirmDialog('Find email')
    expect(await within(drawer).findByText(/Still looking…/)).toBeTruthy()
    await act(async () => {
      answer(null)
      await Promise.resolve()
    })
    expect(await within(drawer).findByText(/Clay is still looking for this email/)).toBeTruthy()
    expect(within(drawer).getByRole('button', { name: 'Abandon lookup' })).toBeTruthy()
  })

  it('reloads the lookup state after a failure that closed the run', async () => {
    const fake = new FakeApi().on('creators:enrich', () =>
      fail('PROVIDER_ERROR', 'Clay no longer has it', { providerCode: 'run_not_found' }),
    )
    fake.details.set(1, pendingDetail())
    const drawer = await openProfile(fake)
    // Main closed the run: the next detail has no pending lookup.
    fake.details.set(1, makeDetail(1, { reportAgeDays: 2 }))
    fireEvent.click(await within(drawer).findByRole('button', { name: 'Check again (free)' }))
    expect(await within(drawer).findByRole('button', { name: 'Find email' })).toBeTruthy()
    expect(fake.callsTo('creators:get').length).toBeGreaterThanOrEqual(2)
  })
})
