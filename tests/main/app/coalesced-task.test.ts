import { describe, expect, it } from 'vitest'
import { CoalescedTask } from '../../../src/main/app/team/coalesced-task'

/** A task whose runs the test lets finish one by one. */
function gatedTask() {
  const gates: (() => void)[] = []
  let running = 0
  let most = 0
  let runs = 0
  const errors: unknown[] = []
  const task = new CoalescedTask(
    async () => {
      runs += 1
      running += 1
      most = Math.max(most, running)
      await new Promise<void>((resolve) => gates.push(resolve))
      running -= 1
    },
    (err) => errors.push(err),
  )
  const tick = () => new Promise((r) => setTimeout(r, 0))
  return {
    task,
    errors,
    stats: () => ({ runs, most }),
    /** Lets the oldest waiting run finish. */
    async release() {
      await tick()
      gates.shift()?.()
      await tick()
    },
  }
}

describe('one pull at a time', () => {
  it('runs once per request when idle, never two at once, and one more for asks during a run', async () => {
    const g = gatedTask()
    let firstDone = false
    const first = g.task.request().then(() => (firstDone = true))
    await new Promise((r) => setTimeout(r, 0))
    expect(g.stats()).toEqual({ runs: 1, most: 1 })
    // Three asks while the first run is under way: one more run serves all of them.
    const during = [g.task.request(), g.task.request(), g.task.request()]
    await g.release()
    await first
    expect(firstDone).toBe(true)
    expect(g.stats()).toEqual({ runs: 2, most: 1 })
    await g.release()
    await Promise.all(during)
    expect(g.stats()).toEqual({ runs: 2, most: 1 })

    // Idle again: the next ask starts a run of its own.
    const later = g.task.request()
    await g.release()
    await later
    expect(g.stats()).toEqual({ runs: 3, most: 1 })
  })

  it('keeps going after a failed run, reporting the failure, and runs nothing once stopped', async () => {
    let calls = 0
    const errors: unknown[] = []
    const task = new CoalescedTask(
      () => {
        calls += 1
        return calls === 1 ? Promise.reject(new Error('server gone')) : Promise.resolve()
      },
      (err) => errors.push(err),
    )
    await task.request()
    await task.request()
    expect(calls).toBe(2)
    expect(errors).toEqual([new Error('server gone')])
    await task.stop()
    await task.request()
    expect(calls).toBe(2)
  })
})
