/**
 * Late verdicts: WeChat pushes the result of an asynchronous image check; a rejected image loses its
 * bytes (so it stops showing wherever it was attached) and its owner is told in the inbox.
 */
import { RegisteredFileDocSchema, type RegisteredFileDoc } from '../../../../types'
import type { Deps } from '../../context'
import { updateVersioned } from '../../store/update'

export interface LateVerdict {
  traceId: string
  pass: boolean
  reason: string | null
}

export type VerdictOutcome = 'passed' | 'rejected' | 'unchanged' | 'unknown'

/** Applies one pushed verdict; repeating a push changes nothing. */
export async function applyLateVerdict(deps: Deps, verdict: LateVerdict): Promise<VerdictOutcome> {
  const page = await deps.store.find('files', { where: { 'check.traceId': verdict.traceId }, limit: 1 })
  const raw = page.items[0]
  if (!raw) return 'unknown'
  const found = RegisteredFileDocSchema.parse(raw)
  if (found.check.status !== 'pending') return 'unchanged'
  const now = deps.clock.now()
  // Set by the attempt that wrote: a racing copy of the same push must not notify twice.
  let changed = false
  const next = await updateVersioned<RegisteredFileDoc>(deps.store, 'files', found._id, {
    parse: (doc) => RegisteredFileDocSchema.parse(doc),
    change: (doc) => {
      changed = doc.check.status === 'pending'
      if (!changed) return doc
      const status = verdict.pass ? 'pass' : 'reject'
      return { ...doc, check: { ...doc.check, status, reason: verdict.pass ? null : verdict.reason, checkedAt: now } }
    },
    missing: () => new Error(`file record ${found._id} vanished`),
    attempts: 5,
  })
  if (!changed) return 'unchanged'
  if (verdict.pass) return 'passed'
  await deps.files.remove(next.fileId)
  await deps.notify.send({
    userId: next.ownerId,
    title: '图片未通过审核',
    body: '您上传的一张图片未通过内容安全审核，已被移除。如有需要，请更换图片后重新提交。',
    link: null,
  })
  return 'rejected'
}
