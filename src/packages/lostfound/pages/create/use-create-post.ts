import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useRef, useState } from 'react'
import type { z } from 'zod'
import { actions, type LatLng, type LostCategory, type LostKind } from '../../../../contract'
import { LOSTFOUND_PAGES } from '../../../../copy/lostfound'
import { useFieldErrors, type Draft } from '../../../../hooks/use-field-errors'
import { call } from '../../../../services/api'
import { CallError } from '../../../../services/call-error'
import { newRequestId } from '../../../../services/request-id'
import { uploadPhoto, type PickedPhoto } from '../../../../services/upload'

export interface PostDraft {
  kind: LostKind
  category: LostCategory | null
  title: string
  text: string
  question: string
  place: string
  location: LatLng | null
  /** YYYY-MM-DD, the day it was lost or found. */
  day: string
  photos: PickedPhoto[]
  wide: boolean
  gridId: string | null
}

export const today = () => dayjs().format('YYYY-MM-DD')

/** Today means now; an earlier day means its noon (the picker has no hour). */
function happenedAt(day: string): number {
  return day === today() ? Date.now() : dayjs(`${day} 12:00`).valueOf()
}

const SHOWN = ['kind', 'category', 'title', 'text', 'question', 'place', 'happenedAt', 'photos', 'gridId'] as const
const LABELS = { category: '物品分类', gridId: '网格', happenedAt: '时间' }

/** The contract's lostfound.create input from the draft (photos are added once uploaded). */
function inputOf(d: PostDraft): Draft<z.input<(typeof actions)['lostfound.create']['input']>> {
  const person = d.kind === 'person'
  return {
    kind: d.kind,
    category: person ? 'other' : (d.category ?? undefined),
    title: d.title,
    text: d.text,
    question: d.kind === 'found' ? d.question : '',
    place: d.place,
    location: d.location ?? undefined,
    happenedAt: happenedAt(d.day),
    photos: [],
    wide: person ? true : d.wide,
    gridId: d.gridId ?? undefined,
  }
}

/**
 * 发布: the schema checks the draft, photos upload once each (kept across retries), then the post is
 * created with one requestId per intent, so a retried tap never posts twice.
 */
export function useCreatePost() {
  const errors = useFieldErrors(SHOWN, LABELS)
  const [progress, setProgress] = useState<string | null>(null)
  const uploaded = useRef(new Map<PickedPhoto, string>())
  const intent = useRef<{ key: string; requestId: string } | null>(null)

  const submit = async (draft: PostDraft) => {
    const checked = errors.parse(actions['lostfound.create'].input, inputOf(draft))
    if (!checked) return
    try {
      const photos: string[] = []
      for (const [i, photo] of draft.photos.entries()) {
        setProgress(`上传照片 ${i + 1}/${draft.photos.length}`)
        const id = uploaded.current.get(photo) ?? (await uploadPhoto(photo))
        uploaded.current.set(photo, id)
        photos.push(id)
      }
      setProgress('正在发布')
      const payload = { ...checked, photos }
      const key = JSON.stringify(payload)
      const current = intent.current?.key === key ? intent.current : { key, requestId: newRequestId() }
      intent.current = current
      const post = await call('lostfound.create', payload, { requestId: current.requestId })
      intent.current = null
      void Taro.showToast({ title: '已发布', icon: 'success' })
      void Taro.redirectTo({ url: LOSTFOUND_PAGES.detail(post.id) })
    } catch (err) {
      if (!(err instanceof CallError && err.kind === 'network')) intent.current = null
      errors.fromError(err)
    } finally {
      setProgress(null)
    }
  }

  return { submit, errors, busy: progress !== null, progress }
}
