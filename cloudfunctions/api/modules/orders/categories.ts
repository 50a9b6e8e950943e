import { ADMIN_ROLES, CategoryDocSchema, type CategoryDoc } from '../../../../types'
import type { Handler } from '../../registry'
import { forbidden, notFound } from '../../errors'
import { primaryStreet } from '../audit/handlers'
import { categoriesOf } from './repo'
import { streetIds } from '../grids/repo'
import { idFromRequest } from '../grids/codes'
import { audit } from '../audit/log'

const view = (c: CategoryDoc) => ({
  id: c._id,
  name: c.name,
  acceptHours: c.acceptHours,
  resolveWorkdays: c.resolveWorkdays,
  active: c.active,
})

export const categoryHandlers: {
  'categories.list': Handler<'categories.list'>
  'categories.save': Handler<'categories.save'>
} = {
  'categories.list': {
    roles: 'any',
    handle: async ({ deps }) => {
      const all = (await Promise.all((await streetIds(deps)).map((id) => categoriesOf(deps, id)))).flat()
      return { items: all.map(view) }
    },
  },
  'categories.save': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      if (!user.roles.some((g) => g.role === 'street_admin')) throw forbidden('只有街道管理员可以设置工单分类和时限')
      const streetId = await primaryStreet(deps, user)
      let doc: CategoryDoc
      if (input.id) {
        const raw = await deps.store.get('categories', input.id)
        if (!raw) throw notFound('分类不存在')
        const current = CategoryDocSchema.parse(raw)
        if (current.streetId !== streetId) throw forbidden('只能修改本街道的分类')
        const next = {
          ...current,
          name: input.name,
          acceptHours: input.acceptHours,
          resolveWorkdays: input.resolveWorkdays,
          active: input.active,
        }
        doc = { ...next, version: (await deps.store.replace('categories', next)).version }
      } else {
        const existing = await categoriesOf(deps, streetId)
        doc = {
          _id: idFromRequest('cat', streetId, input.name),
          streetId,
          name: input.name,
          acceptHours: input.acceptHours,
          resolveWorkdays: input.resolveWorkdays,
          active: input.active,
          sort: existing.length + 1,
          version: 0,
        }
        await deps.store.insert('categories', doc)
      }
      await audit(deps, {
        actorId: user._id,
        action: 'category.save',
        targetType: 'category',
        targetId: doc._id,
        detail: `分类 ${doc.name}：${doc.acceptHours} 小时接单，${doc.resolveWorkdays} 个工作日办结`,
        streetId,
      })
      return view(doc)
    },
  },
}
