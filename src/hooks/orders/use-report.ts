import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import type { ActionInput, OrderDetail } from '../../contract'
import { call } from '../../services/api'
import { CallError } from '../../services/call-error'
import { newRequestId } from '../../services/request-id'
import { uploadPhoto, type PickedPhoto } from '../../services/upload'

/** An order as the form has it; photos are added once uploaded. */
export type CreateInput = Omit<ActionInput<'orders.create'>, 'photos'>

/** WeChat only: ask once per report to be told of progress by a subscribe message (may be declined). */
async function askForProgressMessages(): Promise<void> {
  const template = process.env.TARO_APP_SUBSCRIBE_TMPL
  if (process.env.TARO_ENV !== 'weapp' || !template) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] })
  } catch {
    // Declining is fine: the in-app 消息 inbox always gets the update.
  }
}

/**
 * Upload photos (each once, even across retries), then create the order with one requestId per
 * intent, so a retried tap after a network failure never files a second report.
 */
export function useReport() {
  const [progress, setProgress] = useState<string | null>(null)
  const uploaded = useRef(new Map<string, string>())
  const intent = useRef<{ key: string; requestId: string } | null>(null)

  const submit = useCallback(
    async (input: CreateInput, photos: PickedPhoto[], ownerId: string): Promise<OrderDetail> => {
      await askForProgressMessages()
      try {
        const fileIds: string[] = []
        for (const [i, photo] of photos.entries()) {
          let id = uploaded.current.get(photo.preview)
          if (!id) {
            setProgress(`上传照片 ${i + 1}/${photos.length}`)
            id = await uploadPhoto(photo, ownerId)
            uploaded.current.set(photo.preview, id)
          }
          fileIds.push(id)
        }
        setProgress('正在提交')
        const payload = { ...input, photos: fileIds }
        const key = JSON.stringify(payload)
        const current = intent.current?.key === key ? intent.current : { key, requestId: newRequestId() }
        intent.current = current
        const order = await call('orders.create', payload, { requestId: current.requestId })
        intent.current = null
        uploaded.current.clear()
        return order
      } catch (err) {
        if (!(err instanceof CallError && err.kind === 'network')) intent.current = null
        throw err
      } finally {
        setProgress(null)
      }
    },
    [],
  )

  return { submit, progress }
}
