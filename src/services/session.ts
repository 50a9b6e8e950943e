import Taro from '@tarojs/taro'

const TOKEN_KEY = 'devToken'
export const LOGIN_PAGE = '/pages/login/index'
export const HOME_PAGE = '/pages/index/index'

/** The local demo build: H5 with the demo login picker. Production builds never have it. */
export const isLocalDemo = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL === '1'

export function getToken(): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof value === 'string' && value.length > 0 ? value : null
}

const sessionListeners = new Set<() => void>()

/** Called whenever someone signs in or out (the current-user store forgets the last person). */
export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener)
  return () => sessionListeners.delete(listener)
}

function announceSessionChange(): void {
  for (const listener of sessionListeners) listener()
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
  announceSessionChange()
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  announceSessionChange()
}

/** In WeChat the runtime knows who you are; only the H5 builds need a token. */
export function needsLogin(): boolean {
  return process.env.TARO_ENV === 'h5' && getToken() === null
}

let leaving = false

/** Drop the session and show the login page (once, even if several calls fail together). */
export function goLogin(): void {
  clearToken()
  if (process.env.TARO_ENV !== 'h5' || leaving) return
  leaving = true
  Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    leaving = false
  })
}
