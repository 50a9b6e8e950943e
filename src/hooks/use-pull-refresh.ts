import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pull down to reload; the spinner stops when the reload settles. */
export function usePullRefresh(reload: () => Promise<void>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}
