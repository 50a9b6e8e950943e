/**
 * The grid's real WeChat group: staff bind it once (one group ↔ one grid, audited); a card opened from a bound
 * group lets anyone in it read what was shared there (counted as a group open) and offers a resident to join.
 */
import { createHash } from 'node:crypto'
import { GridDocSchema, type GridDoc, type UserDoc } from '../../../../types'
import type { Deps } from '../../context'
import { AppError, validation } from '../../errors'
import type { GroupProof } from '../../platform/ports'
import { StoreConflictError } from '../../store/port'
import { audit } from '../audit/log'
import { mayAct } from '../places/can'
import { loadGrid } from '../places/load'
import { gridPlace, treeOfGrid } from '../places/place'

export const GROUP_BINDERS = ['grid_worker', 'community_admin', 'street_admin'] as const

const keyOf = (openGid: string) => `grp_${createHash('sha256').update(openGid).digest('hex').slice(0, 32)}`

/** The group a proof names, or a clear refusal. */
export async function groupKey(deps: Deps, proof: GroupProof, openId: string): Promise<string> {
  const openGid = await deps.groups.openGid(proof, openId)
  if (!openGid)
    throw validation('无法识别来源的微信群，请从群里的卡片重新打开', [{ path: 'group', message: '群信息已过期' }])
  return keyOf(openGid)
}

/** The grid a group is bound to, if any. */
export async function boundGrid(deps: Deps, key: string): Promise<GridDoc | null> {
  const raw = await deps.store.get('wxgroups', key)
  return raw ? loadGrid(deps, String(raw.gridId)) : null
}

/** Binds the group to the grid: the grid's old group (if any) is released; a group bound elsewhere moves only by staff there. */
export async function bindGroup(deps: Deps, user: UserDoc, gridId: string, key: string): Promise<GridDoc> {
  const grid = await loadGrid(deps, gridId)
  const other = await boundGrid(deps, key)
  if (other && other._id !== grid._id && !mayAct(user, GROUP_BINDERS, gridPlace(other)))
    throw new AppError('CONFLICT', `该微信群已关联「${other.name}」，请由该网格的网格员解除后再关联`)
  if (grid.wxGroupKey === key) return grid
  try {
    await deps.store.transaction(async (tx) => {
      const current = GridDocSchema.parse(await tx.get('grids', grid._id))
      if (current.wxGroupKey && current.wxGroupKey !== key) await tx.remove('wxgroups', current.wxGroupKey)
      const previous = await tx.get('wxgroups', key)
      if (previous && previous.gridId !== grid._id) {
        const was = GridDocSchema.parse(await tx.get('grids', String(previous.gridId)))
        await tx.replace('grids', { ...was, wxGroupKey: null })
        await tx.remove('wxgroups', key)
      } else if (previous) await tx.remove('wxgroups', key)
      await tx.insert('wxgroups', {
        _id: key,
        gridId: grid._id,
        boundBy: user._id,
        boundAt: deps.clock.now(),
        version: 0,
      })
      await tx.replace('grids', { ...current, wxGroupKey: key })
    })
  } catch (err) {
    if (err instanceof StoreConflictError) throw new AppError('CONFLICT', '有人同时在关联，请稍后再试')
    throw err
  }
  await audit(deps, {
    actorId: user._id,
    action: 'group.bind',
    targetType: 'grid',
    targetId: grid._id,
    detail: `关联网格微信群${other && other._id !== grid._id ? `（原属「${other.name}」）` : ''}`,
    ...treeOfGrid(grid),
  })
  return loadGrid(deps, grid._id)
}

/** A card opened from a group: its grid (a resident not in it gets the join code), and whether the caller may bind it. */
export async function resolveGroup(deps: Deps, user: UserDoc, key: string, gridId: string | undefined) {
  const grid = await boundGrid(deps, key)
  const asked = gridId ? await loadGrid(deps, gridId) : null
  const member = grid !== null && user.homeGridId === grid._id
  return {
    grid: grid ? { id: grid._id, name: grid.name } : null,
    member,
    joinCode: grid && !member && !grid.archived ? grid.joinCode : null,
    canBind: asked !== null && asked._id !== grid?._id && mayAct(user, GROUP_BINDERS, gridPlace(asked)),
  }
}
