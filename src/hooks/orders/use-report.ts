import { useCallback, useRef, useState } from 'react'
import type { ActionInput, OrderDetail } from '../../contract'
import { call } from '../../services/api'
import { CallError } from '../../services/call-error'
import { newRequestId } from '../../services/request-id'
import { uploadPhoto, type PickedPhoto } from '../../services/upload'

type CreateInput = Omit<ActionInput<'orders.create'>, 'photos'>

/**
 * Upload photos (each once, even across retries), then create the order with one requestId per
 * intent, so a retried tap after a network failure never files a second report.
 */
export function useReport() {
  const [progress, setProgress] = useState<string | null>(null)
  const uploaded = useRef(new Map<string, string>())
  const intent = useRef<{ key: string; requestId: string } | null>(null)

  const submit = useCallback(async (input: CreateInput, photos: PickedPhoto[], ownerId: string): Promise<OrderDetail> => {
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
  }, [])

  return { submit, progress }
}
