/** Order categories of a street with their deadlines: listed for reporters, edited by the street's admin. */
import { CategoryDocSchema, type CategoryDoc } from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { notFound } from '../../errors'
import { categoriesOf } from './repo'
import { callerStreets, streetIds } from '../places/load'
import { atStreet, open } from '../places/rules'
import { streetPlace } from '../places/place'
import { idFromRequest } from '../../codes'
import { audit } from '../audit/log'

const view = (c: CategoryDoc) => ({
  id: c._id,
  name: c.name,
  acceptHours: c.acceptHours,
  resolveWorkdays: c.resolveWorkdays,
  active: c.active,
})

async function loadCategoryDoc(deps: Deps, id: string): Promise<CategoryDoc> {
  const raw = await deps.store.get('categories', id)
  if (!raw) throw notFound('分类不存在')
  return CategoryDocSchema.parse(raw)
}

/**
 * A named street's categories, else those of the caller's streets; a rider who belongs to no
 * street gets one of each name (a report is matched to its street's category of that name).
 */
async function categoriesFor(deps: Deps, streets: string[]): Promise<CategoryDoc[]> {
  if (streets.length) return (await Promise.all(streets.map((id) => categoriesOf(deps, id)))).flat()
  const all = (await Promise.all((await streetIds(deps)).map((id) => categoriesOf(deps, id)))).flat()
  return all.filter((c, i) => all.findIndex((o) => o.name === c.name) === i)
}

export const categoryHandlers: {
  'categories.list': Handler<'categories.list'>
  'categories.save': Handler<'categories.save'>
} = {
  'categories.list': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => {
      const streets = input.streetId ? [input.streetId] : await callerStreets(deps, user)
      return { items: (await categoriesFor(deps, streets)).map(view) }
    },
  },
  'categories.save': {
    roles: ['street_admin'],
    place: async (deps, input, user) =>
      input.id
        ? streetPlace((await loadCategoryDoc(deps, input.id)).streetId)
        : atStreet<typeof input>((i) => i.streetId)(deps, input, user),
    handle: async ({ deps, user }, input) => {
      let doc: CategoryDoc
      const fields = {
        name: input.name,
        acceptHours: input.acceptHours,
        resolveWorkdays: input.resolveWorkdays,
        active: input.active,
      }
      if (input.id) {
        const next = { ...(await loadCategoryDoc(deps, input.id)), ...fields }
        doc = { ...next, version: (await deps.store.replace('categories', next)).version }
      } else {
        const streetId = input.streetId ?? user.roles.find((g) => g.role === 'street_admin')?.streetId ?? ''
        const existing = await categoriesOf(deps, streetId)
        doc = {
          _id: idFromRequest('cat', streetId, input.name),
          streetId,
          ...fields,
          sort: existing.length + 1,
          version: 0,
        }
        await deps.store.insert('categories', doc)
      }
      const detail = `分类 ${doc.name}：${doc.acceptHours} 小时接单，${doc.resolveWorkdays} 个工作日办结`
      const entry = { actorId: user._id, action: 'category.save', targetType: 'category', targetId: doc._id, detail }
      await audit(deps, { ...entry, streetId: doc.streetId })
      return view(doc)
    },
  },
}
