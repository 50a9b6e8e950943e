import Taro from '@tarojs/taro'
import { useEffect } from 'react'

const ME_CHANGED = 'grids:me-changed'

/** Tell pages already open (首页, 我的) that the person's grid or roles changed, e.g. after a join. */
export function announceMeChanged(): void {
  Taro.eventCenter.trigger(ME_CHANGED)
}

/** Reload when announced: a page shown again within a second of its last load would otherwise skip it. */
export function useOnMeChanged(reload: () => Promise<void>): void {
  useEffect(() => {
    const handler = () => void reload()
    Taro.eventCenter.on(ME_CHANGED, handler)
    return () => {
      Taro.eventCenter.off(ME_CHANGED, handler)
    }
  }, [reload])
}
