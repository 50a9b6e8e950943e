import type { TestApi } from './api'
import { dataOf } from './api'
import { registerFile } from '../../cloudfunctions/api/modules/files/records'

/** Inside 南张社区第一网格 (gd_nz_01); outside every grid but within 2 km of 南张 (the street's queue); in Beijing. */
export const IN_NZ01 = { lat: 35.4021, lng: 116.5806 }
export const OUTSIDE = { lat: 35.395, lng: 116.585 }
export const FAR_AWAY = { lat: 39.9087, lng: 116.3975 }
/** Inside 古槐社区第一网格 (gd_gh_01), the second street. */
export const IN_GH01 = { lat: 35.4321, lng: 116.6206 }

let seq = 0
export const rid = (prefix = 'ord') => `${prefix}-${String(++seq).padStart(8, '0')}`

export async function makeStaff(
  api: TestApi,
  issuer: string,
  invite: Record<string, unknown>,
  openId: string,
): Promise<string> {
  const code = dataOf<{ code: string }>(await api.call(issuer, 'invites.create', invite, rid('inv'))).code
  dataOf(await api.call(openId, 'invites.redeem', { code }, rid('redeem')))
  return openId
}

/** A real 1×1 PNG stored through the Files port and registered as the gateway does (owner, size, sniffed type, check). */
export async function uploadPhoto(api: TestApi, ownerId: string, openId = `wx-${ownerId}`): Promise<string> {
  const bytes = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  const stored = await api.deps.files.put(ownerId, bytes, 'image/png')
  await registerFile(api.deps, { userId: ownerId, openId }, stored.fileId, 'photo')
  return stored.fileId
}
