/**
 * 大字模式: text and controls drawn 1.25× larger together (CSS zoom, so a 390 px screen lays out as 312 px and
 * nothing overflows). Remembered per device; until the person chooses, it follows WeChat's font size setting.
 */
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

const KEY = 'large-text'
export const LARGE_TEXT_ZOOM = 1.25
/** WeChat's font scale from which the app opens large (标准 is 1; +2 on a 375 screen is about 1.15). */
const SYSTEM_THRESHOLD = 1.15

const listeners = new Set<() => void>()

function systemScale(): number {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeScaleFactor?: number }
    return typeof info.fontSizeScaleFactor === 'number' ? info.fontSizeScaleFactor : 1
  } catch {
    return 1
  }
}

/** The person's choice, else WeChat's font setting (the browser has none: off). */
export function isLargeText(): boolean {
  const chosen: unknown = Taro.getStorageSync(KEY)
  if (chosen === 'on' || chosen === 'off') return chosen === 'on'
  return process.env.TARO_ENV === 'weapp' && systemScale() >= SYSTEM_THRESHOLD
}

/** In the browser the whole document (title bar and tab bar too) zooms through a class on <html>. */
export function applyLargeText(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  document.documentElement.classList.toggle('large-text', isLargeText())
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on ? 'on' : 'off')
  applyLargeText()
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLargeText(): boolean {
  return useSyncExternalStore(subscribe, isLargeText, isLargeText)
}
