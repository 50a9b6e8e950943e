import { ADMIN_ROLES, DepartmentDocSchema } from '../../../../types'
import type { Handler } from '../../registry'
import { AppError, forbidden } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { findAll, gridsOfStreet, loadDepartment, loadGrid, streetIds } from '../grids/repo'
import { assertCanAdminister, isStreetAdmin } from '../grids/scope'
import { updateGrid } from '../grids/tree-handlers'
import { audit } from '../audit/log'
import { idFromRequest } from '../grids/codes'

type DepartmentActions = 'departments.list' | 'departments.create' | 'departments.enterGrids'

export const departmentHandlers: { [A in DepartmentActions]: Handler<A> } = {
  'departments.list': {
    roles: 'any',
    handle: async ({ deps }) => {
      const items = []
      for (const streetId of await streetIds(deps)) {
        const [departments, grids] = await Promise.all([
          findAll(deps, 'departments', { where: { streetId }, orderBy: { field: 'name', direction: 'asc' } }),
          gridsOfStreet(deps, streetId),
        ])
        for (const raw of departments) {
          const d = DepartmentDocSchema.parse(raw)
          items.push({
            id: d._id,
            name: d.name,
            field: d.field,
            gridIds: grids.filter((g) => g.departmentIds.includes(d._id)).map((g) => g._id),
          })
        }
      }
      return { items }
    },
  },
  'departments.create': {
    roles: ['street_admin'],
    handle: async ({ deps, user }, input) => {
      const streetId = user.roles.find((g) => g.role === 'street_admin' && g.streetId)?.streetId
      if (!streetId) throw forbidden('只有街道管理员可以新增部门')
      const existing = await deps.store.find('departments', { where: { streetId, name: input.name }, limit: 1 })
      if (existing.items.length) throw new AppError('CONFLICT', `部门“${input.name}”已存在`)
      const id = idFromRequest('dp', streetId, input.name)
      try {
        await deps.store.insert('departments', { _id: id, streetId, name: input.name, field: input.field, version: 0 })
      } catch (err) {
        if (err instanceof StoreConflictError) throw new AppError('CONFLICT', `部门“${input.name}”已存在`)
        throw err
      }
      await audit(deps, {
        actorId: user._id,
        action: 'department.create',
        targetType: 'department',
        targetId: id,
        detail: `新增部门 ${input.name}`,
        streetId,
      })
      return { id, name: input.name, field: input.field }
    },
  },
  'departments.enterGrids': {
    roles: ADMIN_ROLES,
    handle: async ({ deps, user }, input) => {
      const department = await loadDepartment(deps, input.departmentId)
      const grids = await Promise.all(input.gridIds.map((id) => loadGrid(deps, id)))
      for (const grid of grids) assertCanAdminister(user, grid)
      if (grids.some((g) => g.streetId !== department.streetId) && !isStreetAdmin(user, department.streetId))
        throw forbidden('部门与网格不属于同一街道')
      let changed = 0
      for (const grid of grids) {
        const has = grid.departmentIds.includes(department._id)
        if (has === input.enter) continue
        await updateGrid(deps, grid._id, (g) => ({
          ...g,
          departmentIds: input.enter
            ? [...new Set([...g.departmentIds, department._id])]
            : g.departmentIds.filter((id) => id !== department._id),
        }))
        changed++
      }
      await audit(deps, {
        actorId: user._id,
        action: input.enter ? 'department.enter' : 'department.leave',
        targetType: 'department',
        targetId: department._id,
        detail: `${department.name}${input.enter ? '入格' : '退出'} ${grids.map((g) => g.name).join('、')}`,
        streetId: department.streetId,
      })
      return { changed }
    },
  },
}
