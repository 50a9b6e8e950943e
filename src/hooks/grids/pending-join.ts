import Taro, { useDidShow } from '@tarojs/taro'
import { needsLogin } from '../../services/session'

/** Storage key of the join link a signed-out browser opened, kept across the login page. */
export const PENDING_JOIN_KEY = 'pendingJoin'
const JOIN_PATH = '/pages/join/index'

export function savePendingJoin(code: string | null): void {
  Taro.setStorageSync(PENDING_JOIN_KEY, code ? `${JOIN_PATH}?code=${encodeURIComponent(code)}` : JOIN_PATH)
}

export function clearPendingJoin(): void {
  Taro.removeStorageSync(PENDING_JOIN_KEY)
}

/** The saved join path, once; anything that is not our join page is dropped. */
export function takePendingJoin(): string | null {
  const value: unknown = Taro.getStorageSync(PENDING_JOIN_KEY)
  if (value === '' || value === undefined || value === null) return null
  clearPendingJoin()
  return typeof value === 'string' && (value === JOIN_PATH || value.startsWith(`${JOIN_PATH}?`)) ? value : null
}

/** On 首页: back to the join link the person opened before signing in. */
export function usePendingJoinRedirect(): void {
  useDidShow(() => {
    if (needsLogin()) return
    const path = takePendingJoin()
    if (path) void Taro.navigateTo({ url: path })
  })
}
