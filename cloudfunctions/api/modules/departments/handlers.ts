/** Departments of a street (综治, 城管, 警务...): listing, creating, and entering grids (入格). */
import { ADMIN_ROLES, DepartmentDocSchema } from '../../../../types'
import type { Handler } from '../../handler'
import { AppError, validation } from '../../errors'
import { StoreConflictError } from '../../store/port'
import { callerStreets, findAll, gridsOfStreet, loadDepartment, loadGrid, updateGrid } from '../places/load'
import { atGrids, atStreet, open } from '../places/rules'
import { audit } from '../audit/log'
import { idFromRequest } from '../../codes'

type DepartmentActions = 'departments.list' | 'departments.create' | 'departments.enterGrids'

export const departmentHandlers: { [A in DepartmentActions]: Handler<A> } = {
  /** The departments of the caller's own streets (through a grant or the home grid); nobody else's. */
  'departments.list': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }) => {
      const items = []
      for (const streetId of await callerStreets(deps, user)) {
        const [departments, grids] = await Promise.all([
          findAll(deps, 'departments', { where: { streetId }, orderBy: { field: 'name', direction: 'asc' } }),
          gridsOfStreet(deps, streetId),
        ])
        for (const raw of departments) {
          const d = DepartmentDocSchema.parse(raw)
          const gridIds = grids.filter((g) => g.departmentIds.includes(d._id)).map((g) => g._id)
          items.push({ id: d._id, name: d.name, field: d.field, gridIds })
        }
      }
      return { items }
    },
  },
  'departments.create': {
    roles: ['street_admin'],
    place: atStreet((i) => i.streetId),
    handle: async ({ deps, user }, input) => {
      const streetId = input.streetId ?? user.roles.find((g) => g.role === 'street_admin')?.streetId ?? ''
      const existing = await deps.store.find('departments', { where: { streetId, name: input.name }, limit: 1 })
      if (existing.items.length) throw new AppError('CONFLICT', `部门“${input.name}”已存在`)
      const id = idFromRequest('dp', streetId, input.name)
      try {
        await deps.store.insert('departments', { _id: id, streetId, name: input.name, field: input.field, version: 0 })
      } catch (err) {
        if (err instanceof StoreConflictError) throw new AppError('CONFLICT', `部门“${input.name}”已存在`)
        throw err
      }
      const detail = `新增部门 ${input.name}`
      await audit(deps, {
        actorId: user._id,
        action: 'department.create',
        targetType: 'department',
        targetId: id,
        detail,
        streetId,
      })
      return { id, name: input.name, field: input.field }
    },
  },
  /** An admin lets a department of the same street enter the grids they administer. */
  'departments.enterGrids': {
    roles: ADMIN_ROLES,
    place: atGrids((i) => i.gridIds),
    handle: async ({ deps, user }, input) => {
      const department = await loadDepartment(deps, input.departmentId)
      const grids = await Promise.all(input.gridIds.map((id) => loadGrid(deps, id)))
      const elsewhere = grids.findIndex((g) => g.streetId !== department.streetId)
      if (elsewhere >= 0)
        throw validation('部门与网格不属于同一街道', [
          { path: `gridIds.${elsewhere}`, message: '只能进入本街道的网格' },
        ])
      let changed = 0
      for (const grid of grids) {
        if (grid.departmentIds.includes(department._id) === input.enter) continue
        await updateGrid(deps, grid._id, (g) => ({
          ...g,
          departmentIds: input.enter
            ? [...new Set([...g.departmentIds, department._id])]
            : g.departmentIds.filter((id) => id !== department._id),
        }))
        changed++
      }
      const detail = `${department.name}${input.enter ? '入格' : '退出'} ${grids.map((g) => g.name).join('、')}`
      const action = input.enter ? 'department.enter' : 'department.leave'
      const at = grids.length === 1 && grids[0] ? { communityId: grids[0].communityId, gridId: grids[0]._id } : {}
      const entry = { actorId: user._id, action, targetType: 'department', targetId: department._id, detail, ...at }
      await audit(deps, { ...entry, streetId: department.streetId })
      return { changed }
    },
  },
}
