/**
 * The number on the 首页 tab: the staff desk's badge (待接单 plus taken work past its deadline). weapp draws it
 * with setTabBarBadge; Taro's H5 tab bar takes the same call, so both show the same number.
 */
import Taro from '@tarojs/taro'

const HOME_TAB = 0

export function badgeText(count: number): string | null {
  if (count <= 0) return null
  return count > 99 ? '99+' : String(count)
}

export function showWorkBadge(count: number): void {
  const text = badgeText(count)
  // A page without the tab bar (an inner page) rejects the call; the next 首页 show sets it again.
  const done = text ? Taro.setTabBarBadge({ index: HOME_TAB, text }) : Taro.removeTabBarBadge({ index: HOME_TAB })
  void Promise.resolve(done).catch(() => undefined)
}
