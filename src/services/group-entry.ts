/**
 * Whether this page was opened from a WeChat group, as a proof the server can check: in weapp the CloudID of
 * getGroupEnterInfo (only when entered from a group chat card, which carries a shareTicket); in the local demo
 * (H5) a `group` parameter naming a demo group. Anything else: null.
 */
import Taro from '@tarojs/taro'
import type { GroupProof } from '../contract'
import { isLocalDemo } from './session'

export async function groupEntry(params: Record<string, string | undefined>): Promise<GroupProof | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const options = Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync()
    if (!options.shareTicket) return null
    try {
      const info = (await Taro.getGroupEnterInfo({})) as { cloudID?: string }
      return info.cloudID ? { cloudID: info.cloudID } : null
    } catch {
      return null
    }
  }
  return isLocalDemo && params.group && /^[a-z0-9-]{1,32}$/.test(params.group) ? { demo: params.group } : null
}

/** Lets the post be shared into a group with a share ticket (weapp); the browser copies the link instead. */
export function enableGroupShare(): void {
  if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
}
