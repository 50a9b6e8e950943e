/**
 * Which WeChat group a card was opened from. In the cloud the client's CloudID (from getGroupEnterInfo) is
 * exchanged by the server itself (cloudbase.getOpenData), so a forged group id in the payload proves nothing;
 * the platform's own CloudID replacement only covers top-level fields of the call, and ours nest in `payload`.
 * Locally there is no WeChat: a demo names a fake group, so the flow runs in H5 and in tests.
 */
import type { WxOpenApi } from './content-check'
import type { GroupIdentity } from './ports'

export const localGroupIdentity: GroupIdentity = {
  async openGid(proof) {
    return 'demo' in proof && /^[a-z0-9-]{1,32}$/.test(proof.demo) ? `demo:${proof.demo}` : null
  },
}

export function createWxGroupIdentity(callApi: WxOpenApi): GroupIdentity {
  return {
    async openGid(proof) {
      if (!('cloudID' in proof)) return null
      try {
        const res = (await callApi('cloudbase.getOpenData', { cloudidList: [proof.cloudID] })) as {
          dataList?: { json?: string | { data?: { opengid?: string; openGId?: string } } }[]
        }
        const raw = res.dataList?.[0]?.json
        const json =
          typeof raw === 'string' ? (JSON.parse(raw) as { data?: { opengid?: string; openGId?: string } }) : raw
        return json?.data?.opengid ?? json?.data?.openGId ?? null
      } catch {
        return null
      }
    },
  }
}
