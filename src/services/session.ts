import Taro from '@tarojs/taro'
import { LOGIN_PAGE, signedOutStart } from './start-route'

export { HOME_PAGE, LOGIN_PAGE } from './start-route'

const TOKEN_KEY = 'devToken'

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

/**
 * H5, called before the router starts: a visitor with no stored session opens on the login page, so
 * neither the page asked for nor its code is loaded first. The address is replaced, not pushed.
 */
export function startSignedOutAtLogin(): void {
  if (process.env.TARO_ENV !== 'h5') return
  const start = signedOutStart(window.location.hash, getToken() !== null)
  if (start) window.history.replaceState(window.history.state, '', start)
}

let leaving = false
let expiredNotice = false

/**
 * Drop the session and show the login page (once, even if several calls fail together). `expired`: the
 * server refused a stored session, which the login page then says; a visitor who had none is not told.
 */
export function goLogin(opts: { expired: boolean }): void {
  clearToken()
  if (process.env.TARO_ENV !== 'h5') return
  if (opts.expired) expiredNotice = true
  if (leaving) return
  leaving = true
  Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    leaving = false
  })
}

/** Whether the login page was opened because a session expired; true once. */
export function takeExpiredNotice(): boolean {
  const notice = expiredNotice
  expiredNotice = false
  return notice
}
