// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { formatDateTime } from '../../src/renderer/src/lib/format'
import { initialStorageState, useStorageStore } from '../../src/renderer/src/stores/storage-store'
import type { DbStatus, RecoveryReport, RestoreReport } from '../../src/shared/storage-health'
import type { ChannelInput } from '../../src/shared/ipc-contract'
import { FakeApi, fail, installFakeApi, ok } from './fake-api'
import type { Handler } from './fake-api'
import './helpers'

afterEach(() => useStorageStore.setState({ ...initialStorageState }))

const FILE = '/home/me/.creator-desk/creator-desk.sqlite'
const BACKUP = {
  name: 'creator-desk-2026-11-19.sqlite',
  takenAt: '2026-11-19T08:00:00.000Z',
  sizeBytes: 4_096_000,
}
const DAMAGED: DbStatus = {
  state: 'damaged',
  problem: 'Creator Desk found damage in its database file when it started, and did not open it.',
  file: FILE,
  backups: [BACKUP],
}
const damagedAnswer = () =>
  fail('STORAGE', "Creator Desk's database file is damaged.", { storage: 'damaged', file: FILE })

const REPORT: RecoveryReport = {
  keptAt: `${FILE}.damaged-20261120-100000`,
  summary:
    '1,250 rows recovered. 4 rows could not be read, in: cached creators, reports and emails.',
  ledger: {
    complete: true,
    message: 'Every paid call in the usage ledger was recovered: the meters show everything spent.',
  },
  tables: [
    { table: 'lists', label: 'Lists', recovered: 3, lost: 0, complete: true },
    {
      table: 'creators',
      label: 'Cached creators, reports and emails',
      recovered: 596,
      lost: 4,
      complete: false,
    },
    { table: 'clay_runs', label: 'Email lookups', recovered: 0, lost: null, complete: false },
  ],
}

/** An app whose database is damaged until a recovery or restore succeeds. */
function damagedApp(): FakeApi & { state: { damaged: boolean } } {
  const state = { damaged: true }
  const fake = Object.assign(new FakeApi(), { state })
  fake.on('db:status', () =>
    ok(state.damaged ? DAMAGED : { state: 'ok', file: FILE, backups: [BACKUP] }),
  )
  // A second fake answers as a sound database would.
  const sound = new FakeApi().api
  const guarded = <C extends 'usage:quota' | 'settings:get' | 'lists:list'>(channel: C) => {
    const normal = sound[channel] as (input: ChannelInput<C>) => ReturnType<Handler<C>>
    fake.on(channel, (input: ChannelInput<C>) => (state.damaged ? damagedAnswer() : normal(input)))
  }
  guarded('usage:quota')
  guarded('settings:get')
  guarded('lists:list')
  return fake
}

describe('the recovery screen', () => {
  it('says what happened in plain words, recovers, shows what came back, and returns to the app', async () => {
    const fake = damagedApp()
    fake.on('db:recover', () => {
      fake.state.damaged = false
      return ok(REPORT)
    })
    installFakeApi(fake)
    render(<App />)

    expect(
      await screen.findByRole('heading', { name: 'Creator Desk’s database is damaged' }),
    ).toBeTruthy()
    expect(screen.getByText(DAMAGED.problem ?? '')).toBeTruthy()
    expect(screen.getByText(FILE)).toBeTruthy()
    expect(screen.queryByText(/Something went wrong/)).toBeNull()
    expect(screen.queryByRole('region', { name: 'Monthly usage' })).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Recover what can be read' }))

    expect(await screen.findByRole('heading', { name: 'Recovery finished' })).toBeTruthy()
    expect(fake.callsTo('db:recover')).toEqual([{}])
    expect(screen.getByText(REPORT.summary)).toBeTruthy()
    const table = screen.getByRole('table', { name: 'What was recovered' })
    const creators = within(table).getByRole('row', { name: /Cached creators/ })
    expect(within(creators).getByText('596')).toBeTruthy()
    expect(within(creators).getByText('4')).toBeTruthy()
    expect(within(table).getByRole('row', { name: /Email lookups/ }).textContent).toMatch(
      /unknown: unreadable/,
    )
    expect(screen.getByText(REPORT.keptAt)).toBeTruthy()
    expect(screen.getByTestId('ledger-outcome').textContent).toContain(REPORT.ledger.message)

    fireEvent.click(screen.getByRole('button', { name: 'Continue to Creator Desk' }))
    expect(await screen.findByRole('region', { name: 'Monthly usage' })).toBeTruthy()
  })

  it('appears when any screen meets the damage while working', async () => {
    const fake = damagedApp()
    fake.state.damaged = false
    installFakeApi(fake)
    render(<App />)
    await screen.findByRole('region', { name: 'Monthly usage' })

    fake.state.damaged = true
    fireEvent.click(screen.getByRole('button', { name: /^Lists/ }))

    expect(
      await screen.findByRole('heading', { name: 'Creator Desk’s database is damaged' }),
    ).toBeTruthy()
  })

  it('restores the newest backup after asking, and warns plainly when usage may be missing', async () => {
    const fake = damagedApp()
    const restored: RestoreReport = {
      restoredFrom: BACKUP,
      keptAt: `${FILE}.replaced-20261120-100000`,
      carriedForward: [
        { table: 'ledger_charges', label: 'Usage ledger (every paid call)', rows: 12 },
      ],
      ledger: {
        complete: false,
        message:
          'What was spent after 2026-11-19 could not all be read, so the meters may show less than was really spent.',
      },
      summary: 'Restored the backup from 2026-11-19.',
    }
    fake.on('db:restore-backup', () => {
      fake.state.damaged = false
      return ok(restored)
    })
    installFakeApi(fake)
    render(<App />)

    fireEvent.click(
      await screen.findByRole('button', {
        name: `Restore the backup from ${formatDateTime(BACKUP.takenAt)}`,
      }),
    )
    const dialog = await screen.findByTestId('confirm-dialog')
    expect(dialog.textContent).toMatch(/Usage and the audit log recorded since are kept/)
    expect(fake.callsTo('db:restore-backup')).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }))

    expect(await screen.findByRole('heading', { name: 'Backup restored' })).toBeTruthy()
    expect(fake.callsTo('db:restore-backup')).toEqual([{ name: BACKUP.name }])
    expect(screen.getByRole('alert').textContent).toContain(restored.ledger.message)
    expect(screen.getByText('Usage ledger (every paid call): 12')).toBeTruthy()
    expect(screen.getByText(restored.keptAt ?? '')).toBeTruthy()
  })
})
