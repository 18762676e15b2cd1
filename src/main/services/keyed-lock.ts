/**
 * Runs tasks that share a key one after another; tasks with different keys run freely. Used
 * around purchases: when the same page, report or email is asked for twice at once (a double
 * click, two views), the second waits for the first and then finds it in the cache, instead of
 * paying for it again.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    this.tails.set(key, tail)
    // The last task out removes the key, so the map holds only what is in flight.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}
