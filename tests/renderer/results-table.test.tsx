// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ResultsTable } from '../../src/renderer/src/screens/search/ResultsTable'
import { useSearchStore } from '../../src/renderer/src/stores/search-store'
import { FakeApi, installFakeApi } from './fake-api'
import { makeCreator } from './fake-data'
import { renderApp } from './helpers'

describe('virtualised results', () => {
  it('renders only a window of 10,000 rows and follows the scroll position', () => {
    installFakeApi()
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      creator: makeCreator(i + 1),
      fresh: false,
    }))
    useSearchStore.setState({ rows, status: 'done' })
    render(<ResultsTable />)

    const grid = screen.getByRole('grid', { name: 'Search results' })
    expect(grid.getAttribute('aria-rowcount')).toBe('10001')
    const rendered = screen.getAllByTestId('result-row')
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(60)
    expect(screen.getByText('@creator1')).toBeTruthy()

    const body = screen.getByTestId('results-scroll')
    body.scrollTop = 5_000 * 44
    fireEvent.scroll(body)
    expect(screen.queryByText('@creator1')).toBeNull()
    expect(screen.getByText('@creator5001')).toBeTruthy()
    expect(screen.getAllByTestId('result-row').length).toBeLessThan(60)
  })

  it('shows a cached/fresh badge with its age and whether an email is known', () => {
    installFakeApi()
    useSearchStore.setState({
      rows: [
        { creator: makeCreator(1, { emailFound: true }), fresh: true },
        { creator: makeCreator(2), fresh: false },
      ],
      status: 'done',
    })
    render(<ResultsTable />)
    const [first, second] = screen.getAllByTestId('result-row')
    expect(within(first!).getByText(/^fresh · /)).toBeTruthy()
    expect(within(first!).getByText('Email found')).toBeTruthy()
    expect(within(second!).getByText('cached · 3d')).toBeTruthy()
    expect(within(second!).getByText('Not looked up')).toBeTruthy()
  })
})

describe('multi-select and add to list', () => {
  it('shift-click selects a range and "Add to list" sends exactly those creators', async () => {
    const fake = new FakeApi()
    fake.searchPool = Array.from({ length: 15 }, (_, i) => makeCreator(i + 1))
    await renderApp(fake)
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    await screen.findByText('@creator1')

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @creator2' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @creator5' }), { shiftKey: true })
    expect(screen.getByText('4 selected')).toBeTruthy()
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select @creator6' }).checked,
    ).toBe(false)

    fireEvent.click(screen.getByRole('button', { name: 'Add to list' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add 4 creators to a list' })
    fireEvent.change(within(dialog).getByLabelText('New list name'), {
      target: { value: 'Summer' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 4 creators' }))

    await waitFor(() => expect(fake.callsTo('lists:add')).toHaveLength(1))
    expect(fake.callsTo('lists:create')[0]?.name).toBe('Summer')
    expect(fake.callsTo('lists:add')[0]?.creatorIds).toEqual([2, 3, 4, 5])
    await screen.findByText('Added 4 creators to “Summer”.')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('keeps "Add to list" disabled until something is selected', async () => {
    const fake = new FakeApi()
    fake.searchPool = [makeCreator(1)]
    await renderApp(fake)
    fireEvent.click(screen.getByRole('button', { name: /^Search — / }))
    await screen.findByText('@creator1')
    const add = screen.getByRole<HTMLButtonElement>('button', { name: 'Add to list' })
    expect(add.disabled).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all loaded results' }))
    expect(add.disabled).toBe(false)
  })
})
