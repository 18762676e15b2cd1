// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describeError } from '../../src/renderer/src/errors/error-words'
import { useUiStore } from '../../src/renderer/src/stores/ui-store'
import type { TeamQuota } from '../../src/shared/domain'
import { FakeApi, fail } from './fake-api'
import { makeQuota } from './fake-data'
import { FAKE_INVITE } from './fake-team'
import { renderApp } from './helpers'

const UNREACHABLE =
  'The team database cannot be reached: paid calls are paused; cached data still works.'

async function openTeam(fake: FakeApi, options: { sandbox?: boolean } = {}) {
  // The fake starts in sample-data mode, where joining is not offered.
  fake.settings = { ...fake.settings, sandbox: options.sandbox ?? false }
  await renderApp(fake)
  act(() => useUiStore.getState().navigate('settings'))
  const section = await screen.findByTestId('team-section')
  await within(section).findByTestId('team-status')
  return section
}

function teamQuota(overrides: Partial<TeamQuota> = {}): TeamQuota {
  return {
    user: 'dana',
    state: 'online',
    readAt: '2026-11-24T10:00:00.000Z',
    resetsAt: '2026-12-01T00:00:00.000Z',
    meters: [
      {
        meter: 'discovery',
        used: 45_000,
        reserved: 0,
        limit: 140_000,
        mine: { used: 15, reserved: 0, cap: null },
      },
      {
        meter: 'report',
        used: 700,
        reserved: 0,
        limit: 1_400,
        mine: { used: 90, reserved: 0, cap: 100 },
      },
    ],
    ...overrides,
  }
}

describe('Settings → Team', () => {
  it('joins with the invitation, says what the connection test found, and clears the field', async () => {
    const fake = new FakeApi()
    const section = await openTeam(fake)
    expect(within(section).getByText(/^Solo: this laptop keeps its own quota/)).toBeTruthy()
    const field = within(section).getByLabelText<HTMLTextAreaElement>('Team invitation')
    expect(field.maxLength).toBe(10_000)
    const join = within(section).getByRole('button', { name: 'Join team' })
    expect(join.hasAttribute('disabled')).toBe(true)

    fireEvent.change(field, { target: { value: FAKE_INVITE } })
    const quotaAsks = fake.callsTo('usage:quota').length
    fireEvent.click(join)

    await waitFor(() => expect(fake.callsTo('team:join')).toEqual([{ invite: FAKE_INVITE }]))
    expect(
      await within(section).findByText(
        "Connection tested: signed in as dana on db.example.com:5432/agency. Paid calls now count on the team's quota.",
      ),
    ).toBeTruthy()
    expect(
      within(section).getByText('Signed in as dana on db.example.com:5432/agency.'),
    ).toBeTruthy()
    expect(within(section).queryByLabelText('Team invitation')).toBeNull()
    expect(document.body.innerHTML).not.toContain(FAKE_INVITE)
    // The header switches to the team's meters without a restart.
    await waitFor(() => expect(fake.callsTo('usage:quota').length).toBeGreaterThan(quotaAsks))
  })

  it('shows a refused join in plain words and keeps the line to try again', async () => {
    const fake = new FakeApi().on('team:join', () =>
      fail(
        'PROVIDER_UNAVAILABLE',
        'The team database at db.example.com:5432/agency cannot be reached, so the team was not joined.',
        { team: 'unreachable' },
      ),
    )
    const section = await openTeam(fake)
    const field = within(section).getByLabelText<HTMLTextAreaElement>('Team invitation')
    fireEvent.change(field, { target: { value: FAKE_INVITE } })
    fireEvent.click(within(section).getByRole('button', { name: 'Join team' }))
    const alert = await within(section).findByRole('alert')
    expect(within(alert).getByText('The team database cannot be reached')).toBeTruthy()
    expect(within(alert).getByText(/so the team was not joined/)).toBeTruthy()
    expect(alert.textContent).not.toMatch(/Modash|data provider/)
    expect(field.value).toBe(FAKE_INVITE)
  })

  it('does not offer to join with sample data', async () => {
    const section = await openTeam(new FakeApi(), { sandbox: true })
    expect(within(section).getByText(/Sample data is never shared with a team/)).toBeTruthy()
    expect(within(section).getByLabelText<HTMLTextAreaElement>('Team invitation').disabled).toBe(
      true,
    )
  })

  it('leaves only after asking', async () => {
    const fake = new FakeApi()
    fake.team.status = {
      mode: 'team',
      user: 'dana',
      server: 'db.example.com:5432/agency',
      from: 'settings',
      state: 'online',
      live: true,
      outboxWaiting: 2,
      lastPull: { at: '2026-11-24T10:00:00.000Z', applied: 3 },
    }
    const section = await openTeam(fake)
    expect(within(section).getByText(/2 records of paid calls are waiting/)).toBeTruthy()
    expect(within(section).getByText(/\(3 new purchases\)/)).toBeTruthy()

    fireEvent.click(within(section).getByRole('button', { name: 'Leave team…' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }),
    )
    expect(fake.callsTo('team:leave')).toHaveLength(0)

    fireEvent.click(within(section).getByRole('button', { name: 'Leave team…' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave team' }),
    )
    await waitFor(() => expect(fake.callsTo('team:leave')).toEqual([{}]))
    expect(await within(section).findByText(/^Solo: this laptop keeps its own quota/)).toBeTruthy()
    expect(within(section).getByLabelText('Team invitation')).toBeTruthy()
  })
})

describe('the header meter in team mode', () => {
  it("shows the team's meters and this manager's share", async () => {
    const fake = new FakeApi()
    fake.quota = { ...makeQuota(0, 0), team: teamQuota() }
    await renderApp(fake)
    const region = screen.getByRole('region', { name: 'Monthly usage' })
    expect(within(region).getByText('Team')).toBeTruthy()
    expect(
      within(region).getByText(`${(45_000).toLocaleString()} / ${(140_000).toLocaleString()}`),
    ).toBeTruthy()
    expect(within(region).getByTestId('mine-discovery').textContent).toBe('(yours 15)')
    expect(within(region).getByTestId('mine-report').textContent).toBe('(yours 90 / 100)')
    expect(within(region).getByTestId('meter-report').getAttribute('data-level')).toBe('ok')
    expect(within(region).queryByText(/unreachable/)).toBeNull()
  })

  it('says when the values are the last known ones', async () => {
    const fake = new FakeApi()
    fake.quota = {
      ...makeQuota(),
      team: teamQuota({ state: 'unreachable', reason: UNREACHABLE }),
    }
    await renderApp(fake)
    const region = screen.getByRole('region', { name: 'Monthly usage' })
    expect(within(region).getByText(/^Team database unreachable: last known values/)).toBeTruthy()
    expect(
      within(region).getByText(`${(45_000).toLocaleString()} / ${(140_000).toLocaleString()}`),
    ).toBeTruthy()
  })
})

describe('team errors in plain words', () => {
  it('names the team database, not the data provider, when it cannot be reached', () => {
    const team = describeError({
      code: 'PROVIDER_UNAVAILABLE',
      message: UNREACHABLE,
      details: { team: 'unreachable' },
    })
    expect(team).toEqual({ title: 'The team database cannot be reached', detail: UNREACHABLE })
    const modash = describeError({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'Modash did not answer',
      details: { provider: 'modash' },
    })
    expect(modash.title).toBe('Modash cannot be reached')
  })
})
