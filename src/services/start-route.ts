/** Where the browser app starts, decided before Taro's router reads the address (no Taro imports here). */

export const LOGIN_PAGE = '/pages/login/index'
export const HOME_PAGE = '/pages/index/index'
/** A grid's join link explains itself to a visitor who is not signed in (and comes back after login). */
const JOIN_PAGE = '/pages/join/index'
const OPEN_PAGES: readonly string[] = [LOGIN_PAGE, JOIN_PAGE]

/**
 * The hash to start at instead of `hash` (`#/pages/me/index?x=1`, empty for the app's address), or null
 * to keep it. A visitor with no session goes straight to the login page: loading the page they asked
 * for would only fetch its code and send them away, telling them a login they never had expired.
 */
export function signedOutStart(hash: string, hasSession: boolean): string | null {
  if (hasSession) return null
  const page = hash.replace(/^#/, '').split('?')[0] ?? ''
  return OPEN_PAGES.includes(page) ? null : `#${LOGIN_PAGE}`
}
