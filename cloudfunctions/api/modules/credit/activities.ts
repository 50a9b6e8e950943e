/**
 * Volunteer activities: staff publish (time, place, places available); residents sign up, never beyond
 * the places, also at once (the count lives on the activity, written with the sign-up in one
 * transaction); staff check people in with the code they show and confirm their hours; points follow
 * the street's rule, once per sign-up.
 */
import crypto from 'node:crypto'
import {
  ActivityDocSchema,
  SignupDocSchema,
  type ActivityDoc,
  type ActivityView,
  type SignupDoc,
  type UserDoc,
} from '../../../../types'
import type { Handler } from '../../handler'
import type { Deps } from '../../context'
import { conflict, notFound, validation } from '../../errors'
import { idFromRequest } from '../../codes'
import { grantsOf, holds, mayAct } from '../places/can'
import { callerStreets, loadCommunity, loadGrid, loadUsers } from '../places/load'
import { communityPlace, gridPlace, scoped, type ScopedPlace } from '../places/place'
import { open, atStreet } from '../places/rules'
import { award, loadRule, retrying } from './ledger'

const STAFF = ['grid_worker', 'community_admin', 'street_admin'] as const
const DAY = 24 * 60 * 60 * 1000

const signupId = (activityId: string, userId: string) => `su_${activityId}_${userId}`

/** Staff of the activity's grid, community or street run it; everyone of its street may see and join it. */
function activityPlace(a: ActivityDoc, viewer?: { user: UserDoc; streets: string[] }): ScopedPlace {
  return scoped('activity', a._id, a, {
    partyIds: viewer && viewer.streets.includes(a.streetId) ? [viewer.user._id] : [],
    hidden: true,
  })
}

export async function loadActivity(deps: Deps, id: string): Promise<ActivityDoc> {
  const raw = await deps.store.get('activities', id)
  if (!raw) throw notFound('该活动不存在')
  return ActivityDocSchema.parse(raw)
}

async function signupsOf(deps: Deps, activityId: string): Promise<SignupDoc[]> {
  const page = await deps.store.find('signups', {
    where: { activityId },
    orderBy: { field: 'createdAt', direction: 'asc' },
    limit: 100,
  })
  return page.items.map((raw) => SignupDocSchema.parse(raw))
}

async function present(deps: Deps, a: ActivityDoc, user: UserDoc): Promise<ActivityView> {
  const isStaff = holds(user, STAFF, activityPlace(a))
  const now = deps.clock.now()
  const [rule, mineRaw, all, scopeLabel] = await Promise.all([
    loadRule(deps, a.streetId, 'volunteer_hour'),
    deps.store.get('signups', signupId(a._id, user._id)),
    isStaff ? signupsOf(deps, a._id) : Promise.resolve([]),
    a.gridId
      ? loadGrid(deps, a.gridId).then((g) => g.name)
      : a.communityId
        ? loadCommunity(deps, a.communityId).then((c) => c.name)
        : Promise.resolve('全街道'),
  ])
  const mine = mineRaw ? SignupDocSchema.parse(mineRaw) : null
  const people = await loadUsers(
    deps,
    all.map((s) => s.userId),
  )
  const live = mine && mine.state !== 'cancelled'
  const can: ActivityView['can'] = []
  const ended = a.endsAt < now
  if (!a.cancelled && !ended && !live && a.signedUp < a.capacity) can.push('signup')
  if (!a.cancelled && mine?.state === 'signed' && a.startsAt > now) can.push('cancel_signup')
  if (isStaff && !a.cancelled && all.some((s) => s.state === 'signed')) can.push('checkin')
  if (isStaff && all.some((s) => s.state === 'checked_in')) can.push('confirm')
  return {
    id: a._id,
    title: a.title,
    description: a.description,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    signedUp: a.signedUp,
    scopeLabel,
    pointsPerHour: rule?.active ? rule.points : 0,
    cancelled: a.cancelled,
    mySignup: mine ? { id: mine._id, state: mine.state, code: mine.code, hours: mine.hours } : null,
    signups: all.map((s) => {
      const p = people.find((u) => u._id === s.userId)
      return { id: s._id, name: p ? (p.realName ?? p.nickname) : '居民', state: s.state, hours: s.hours }
    }),
    can,
  }
}

/** The place staff create an activity for: a grid they work, a community, or their street. */
async function createPlace(deps: Deps, input: { gridId?: string; communityId?: string }, user: UserDoc) {
  if (input.gridId) return gridPlace(await loadGrid(deps, input.gridId))
  if (input.communityId) return communityPlace(await loadCommunity(deps, input.communityId))
  return atStreet<unknown>(() => undefined)(deps, input, user)
}

const checkCode = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')

type ActivityActions =
  | 'activities.list'
  | 'activities.get'
  | 'activities.create'
  | 'activities.signup'
  | 'activities.cancelSignup'
  | 'activities.checkin'
  | 'activities.confirm'

const atActivity = async (deps: Deps, input: { activityId: string }, user: UserDoc) =>
  activityPlace(await loadActivity(deps, input.activityId), { user, streets: await callerStreets(deps, user) })

export const activityHandlers: { [A in ActivityActions]: Handler<A> } = {
  'activities.list': {
    roles: 'any',
    place: open,
    handle: async ({ deps, user }, input) => {
      const streets = await callerStreets(deps, user)
      const [streetId] = streets
      if (!streetId) return { items: [], nextCursor: null }
      const page = await deps.store.find('activities', {
        where: { streetId, startsAt: { gte: deps.clock.now() - 30 * DAY } },
        orderBy: { field: 'startsAt', direction: 'desc' },
        limit: 20,
        cursor: input.cursor ?? null,
      })
      const all = page.items.map((raw) => ActivityDocSchema.parse(raw))
      const seen = all.filter((a) => mayAct(user, 'any', activityPlace(a, { user, streets })))
      return { items: await Promise.all(seen.map((a) => present(deps, a, user))), nextCursor: page.nextCursor }
    },
  },
  'activities.get': {
    roles: 'any',
    place: atActivity,
    handle: async ({ deps, user }, input) => present(deps, await loadActivity(deps, input.activityId), user),
  },
  'activities.create': {
    roles: STAFF,
    place: createPlace,
    handle: async ({ deps, user, requestId }, input) => {
      const now = deps.clock.now()
      if (input.endsAt <= input.startsAt)
        throw validation('结束时间应晚于开始时间', [{ path: 'endsAt', message: '请重新选择结束时间' }])
      if (input.endsAt < now) throw validation('活动已经结束', [{ path: 'endsAt', message: '请选择今后的时间' }])
      const grid = input.gridId ? await loadGrid(deps, input.gridId) : null
      const community = !grid && input.communityId ? await loadCommunity(deps, input.communityId) : null
      const streetId = grid?.streetId ?? community?.streetId ?? grantsOf(user, 'street_admin')[0]?.streetId ?? ''
      const activity: ActivityDoc = {
        _id: idFromRequest('act', user._id, requestId ?? deps.ids.next('act')),
        streetId,
        communityId: grid?.communityId ?? community?._id ?? null,
        gridId: grid?._id ?? null,
        title: input.title,
        description: input.description,
        place: input.place,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        capacity: input.capacity,
        signedUp: 0,
        createdBy: user._id,
        cancelled: false,
        createdAt: now,
        version: 0,
      }
      if (!(await deps.store.get('activities', activity._id))) await deps.store.insert('activities', activity)
      return present(deps, activity, user)
    },
  },
  'activities.signup': {
    roles: 'any',
    place: atActivity,
    handle: async ({ deps, user }, input) => {
      const now = deps.clock.now()
      const id = signupId(input.activityId, user._id)
      await retrying(deps, async (tx) => {
        const a = ActivityDocSchema.parse(await tx.get('activities', input.activityId))
        const raw = await tx.get('signups', id)
        const existing = raw ? SignupDocSchema.parse(raw) : null
        if (existing && existing.state !== 'cancelled') return
        if (a.cancelled || a.endsAt < now) throw conflict('活动已结束')
        if (a.signedUp >= a.capacity) throw conflict('名额已满')
        await tx.replace('activities', { ...a, signedUp: a.signedUp + 1 })
        const signup: SignupDoc = {
          _id: id,
          activityId: a._id,
          userId: user._id,
          streetId: a.streetId,
          communityId: a.communityId,
          gridId: a.gridId,
          state: 'signed',
          code: checkCode(),
          hours: null,
          checkedInAt: null,
          confirmedBy: null,
          createdAt: existing?.createdAt ?? now,
          version: existing?.version ?? 0,
        }
        if (existing) await tx.replace('signups', signup)
        else await tx.insert('signups', signup)
      })
      return present(deps, await loadActivity(deps, input.activityId), user)
    },
  },
  'activities.cancelSignup': {
    roles: 'any',
    place: atActivity,
    handle: async ({ deps, user }, input) => {
      const id = signupId(input.activityId, user._id)
      await retrying(deps, async (tx) => {
        const raw = await tx.get('signups', id)
        const s = raw ? SignupDocSchema.parse(raw) : null
        if (!s || s.state === 'cancelled') return
        if (s.state !== 'signed') throw conflict('已签到，不能取消报名')
        const a = ActivityDocSchema.parse(await tx.get('activities', input.activityId))
        await tx.replace('activities', { ...a, signedUp: a.signedUp - 1 })
        await tx.replace('signups', { ...s, state: 'cancelled' })
      })
      return present(deps, await loadActivity(deps, input.activityId), user)
    },
  },
  'activities.checkin': {
    roles: STAFF,
    place: async (deps, input) => ({ ...activityPlace(await loadActivity(deps, input.activityId)), hidden: false }),
    handle: async ({ deps, user }, input) => {
      const page = await deps.store.find('signups', {
        where: { activityId: input.activityId, code: input.code },
        limit: 5,
      })
      const match = page.items.map((raw) => SignupDocSchema.parse(raw)).find((s) => s.state !== 'cancelled')
      if (!match) throw validation('签到码不正确', [{ path: 'code', message: '没有找到这个签到码的报名' }])
      await retrying(deps, async (tx) => {
        const s = SignupDocSchema.parse(await tx.get('signups', match._id))
        if (s.state !== 'signed') return
        await tx.replace('signups', { ...s, state: 'checked_in', checkedInAt: deps.clock.now() })
      })
      return present(deps, await loadActivity(deps, input.activityId), user)
    },
  },
  'activities.confirm': {
    roles: STAFF,
    place: async (deps, input) => {
      const raw = await deps.store.get('signups', input.signupId)
      if (!raw) throw notFound('该报名不存在')
      const s = SignupDocSchema.parse(raw)
      return { ...activityPlace(await loadActivity(deps, s.activityId)), hidden: false }
    },
    handle: async ({ deps, user }, input) => {
      const first = SignupDocSchema.parse(await deps.store.get('signups', input.signupId))
      const activity = await loadActivity(deps, first.activityId)
      const confirmed = await retrying(deps, async (tx) => {
        const s = SignupDocSchema.parse(await tx.get('signups', first._id))
        if (s.state === 'confirmed') return s
        if (s.state !== 'checked_in') throw conflict('请先为志愿者签到')
        const next: SignupDoc = { ...s, state: 'confirmed', hours: input.hours, confirmedBy: user._id }
        await tx.replace('signups', next)
        return next
      })
      await award(deps, {
        userId: confirmed.userId,
        event: 'volunteer_hour',
        subjectType: 'signup',
        subjectId: confirmed._id,
        reason: `志愿服务「${activity.title}」${confirmed.hours ?? input.hours} 小时`,
        link: `/packages/credit/pages/activities/index?id=${activity._id}`,
        at: deps.clock.now(),
        streetId: activity.streetId,
        gridId: activity.gridId,
        byId: user._id,
        times: confirmed.hours ?? input.hours,
      })
      return present(deps, activity, user)
    },
  },
}
