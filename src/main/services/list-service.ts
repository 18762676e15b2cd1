import type { Kysely } from 'kysely'
import type { ListMember, ListSummary, MemberStatus } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ChannelInput } from '../../shared/ipc-contract'
import type { Database } from '../db/schema'
import type { Clock } from './clock'
import type { ListService } from './core-types'
import { toSummary } from './creator-repository'

/** Shortlists of cached creators, with a note, tags and a status per member. Never a provider call. */
export function createListService(db: Kysely<Database>, clock: Clock): ListService {
  const now = () => clock.now().toISOString()

  async function summary(listId: number): Promise<ListSummary> {
    const row = await db
      .selectFrom('lists as l')
      .select(['l.id', 'l.name', 'l.created_at', 'l.updated_at', 'l.client'])
      .select((eb) =>
        eb
          .selectFrom('list_members as m')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('m.list_id', '=', 'l.id')
          .as('members'),
      )
      .where('l.id', '=', listId)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `No list ${listId}.`)
    return {
      id: row.id,
      name: row.name,
      memberCount: Number(row.members ?? 0),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      client: row.client,
    }
  }

  async function requireNameFree(name: string, exceptId?: number): Promise<void> {
    const clash = await db
      .selectFrom('lists')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst()
    if (clash && clash.id !== exceptId)
      throw new AppError('VALIDATION', `A list named "${name}" already exists.`)
  }

  async function member(listId: number, creatorId: number): Promise<ListMember> {
    const row = await db
      .selectFrom('list_members as m')
      .innerJoin('creators as c', 'c.id', 'm.creator_id')
      .selectAll('c')
      .select(['m.list_id', 'm.notes', 'm.tags_json', 'm.status', 'm.added_at'])
      .where('m.list_id', '=', listId)
      .where('m.creator_id', '=', creatorId)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `Creator ${creatorId} is not on list ${listId}.`)
    return toMember(row)
  }

  return {
    async list() {
      const rows = await db.selectFrom('lists').select('id').orderBy('name').execute()
      return Promise.all(rows.map((r) => summary(r.id)))
    },
    async create(name) {
      await requireNameFree(name)
      const { id } = await db
        .insertInto('lists')
        .values({ name, created_at: now(), updated_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow()
      return summary(id)
    },
    async rename(listId, name) {
      await summary(listId)
      await requireNameFree(name, listId)
      await db
        .updateTable('lists')
        .set({ name, updated_at: now() })
        .where('id', '=', listId)
        .execute()
      return summary(listId)
    },
    async setClient(listId, client) {
      await summary(listId)
      await db
        .updateTable('lists')
        .set({ client, updated_at: now() })
        .where('id', '=', listId)
        .execute()
      return summary(listId)
    },
    async remove(listId) {
      const result = await db.deleteFrom('lists').where('id', '=', listId).executeTakeFirst()
      return { deleted: result.numDeletedRows > 0n }
    },
    async members(listId) {
      await summary(listId)
      const rows = await db
        .selectFrom('list_members as m')
        .innerJoin('creators as c', 'c.id', 'm.creator_id')
        .selectAll('c')
        .select(['m.list_id', 'm.notes', 'm.tags_json', 'm.status', 'm.added_at'])
        .where('m.list_id', '=', listId)
        .orderBy('m.added_at')
        .orderBy('c.id')
        .execute()
      return rows.map(toMember)
    },
    async addCreators(listId, creatorIds) {
      await summary(listId)
      const unique = [...new Set(creatorIds)]
      return db.transaction().execute(async (trx) => {
        const known = await trx
          .selectFrom('creators')
          .select('id')
          .where('id', 'in', unique)
          .execute()
        if (known.length !== unique.length)
          throw new AppError('NOT_FOUND', 'Some creators are not in the cache; nothing was added.')
        let added = 0
        for (let i = 0; i < unique.length; i += 500) {
          const result = await trx
            .insertInto('list_members')
            .values(
              unique.slice(i, i + 500).map((creatorId) => ({
                list_id: listId,
                creator_id: creatorId,
                notes: '',
                tags_json: '[]',
                status: 'shortlisted',
                added_at: now(),
                updated_at: now(),
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst()
          added += Number(result.numInsertedOrUpdatedRows ?? 0n)
        }
        await trx.updateTable('lists').set({ updated_at: now() }).where('id', '=', listId).execute()
        return { added }
      })
    },
    async removeCreators(listId, creatorIds) {
      await summary(listId)
      const result = await db
        .deleteFrom('list_members')
        .where('list_id', '=', listId)
        .where('creator_id', 'in', creatorIds)
        .executeTakeFirst()
      return { removed: Number(result.numDeletedRows) }
    },
    async updateMember(input: ChannelInput<'lists:update-member'>) {
      await member(input.listId, input.creatorId)
      await db
        .updateTable('list_members')
        .set({
          ...(input.notes === undefined ? {} : { notes: input.notes }),
          ...(input.tags === undefined
            ? {}
            : { tags_json: JSON.stringify([...new Set(input.tags)]) }),
          ...(input.status === undefined ? {} : { status: input.status }),
          updated_at: now(),
        })
        .where('list_id', '=', input.listId)
        .where('creator_id', '=', input.creatorId)
        .execute()
      return member(input.listId, input.creatorId)
    },
  }
}

type MemberRow = Parameters<typeof toSummary>[0] & {
  list_id: number
  notes: string
  tags_json: string
  status: string
  added_at: string
}

function toMember(row: MemberRow): ListMember {
  return {
    listId: row.list_id,
    creator: toSummary(row),
    email: row.email_found === 1 ? row.email : null,
    notes: row.notes,
    tags: JSON.parse(row.tags_json) as string[],
    status: row.status as MemberStatus,
    addedAt: row.added_at,
  }
}
