import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { GridHome } from '../../contract'
import { call } from '../../services/api'
import { userMessage } from '../../services/call-error'

type Worker = GridHome['workers'][number]

export interface ShownPhone {
  name: string
  phone: string
}

/**
 * 联系网格员: the real number is fetched only at the moment of calling (audited server-side).
 * WeChat dials; a browser shows the number with a tel: link.
 */
export function useCallWorker() {
  const [shown, setShown] = useState<ShownPhone | null>(null)
  const [busy, setBusy] = useState(false)

  const dial = async (gridId: string, worker: Worker) => {
    setBusy(true)
    let phone: string
    try {
      phone = (await call('grids.callWorker', { gridId, workerId: worker.id })).phone
    } catch (err) {
      void Taro.showToast({ title: userMessage(err), icon: 'none' })
      return
    } finally {
      setBusy(false)
    }
    if (process.env.TARO_ENV === 'h5') return setShown({ name: worker.nickname, phone })
    // Cancelling the system dialog rejects; nothing to report.
    await Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
  }

  /** One worker: call at once; several: let the resident choose. */
  const contact = async (grid: GridHome) => {
    const [only] = grid.workers
    if (grid.workers.length === 1 && only) return dial(grid.id, only)
    try {
      const res = await Taro.showActionSheet({
        itemList: grid.workers.map((w) => `${w.nickname} ${w.phoneMasked ?? ''}`.trim()),
      })
      const picked = grid.workers[res.tapIndex]
      if (picked) await dial(grid.id, picked)
    } catch {
      // The sheet was dismissed.
    }
  }

  return { contact, dial, busy, shown, close: () => setShown(null) }
}
