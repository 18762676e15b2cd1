import type { TeamClient } from '../../team/team-client'

/**
 * The client as this laptop's purchases see it: every call that moves the team's meters says so
 * when it ends, so the quota answer right after one's own purchase is read afresh rather than
 * served from before it (the team's push would come a moment later, after the renderer asked).
 */
export function meteredClient(client: TeamClient, moved: () => void): TeamClient {
  const after = <T>(work: Promise<T>): Promise<T> => work.finally(moved)
  return {
    get user() {
      return client.user
    },
    reserve: (meter, units, options) => after(client.reserve(meter, units, options)),
    markSent: (reservation) => client.markSent(reservation),
    settle: (reservation, charge, audit) => after(client.settle(reservation, charge, audit)),
    release: (reservation, audit) => after(client.release(reservation, audit)),
    claimPurchase: (key, options) => client.claimPurchase(key, options),
    abandonClaim: (claim) => client.abandonClaim(claim),
    publishPurchase: (entry) => after(client.publishPurchase(entry)),
    findPurchase: (key, maxAgeMs) => client.findPurchase(key, maxAgeMs),
    getPurchase: (id) => client.getPurchase(id),
    pull: (cursor, options) => client.pull(cursor, options),
    onChange: (listener) => client.onChange(listener),
    status: () => client.status(),
    recordCall: (audit) => client.recordCall(audit),
    flushOutbox: () => client.flushOutbox(),
    get admin() {
      return client.admin
    },
    close: () => client.close(),
  }
}
