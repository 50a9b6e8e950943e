import { useState } from 'react'
import type { z } from 'zod'
import type { LatLng } from '../../../../contract'
import type { Draft } from '../../../../hooks/use-field-errors'
import { useForm } from '../../../../hooks/use-form'
import { parsePolygonText, polygonMessage } from './polygon-text'

export interface GridText extends Record<string, string> {
  name: string
  polygon: string
  notes: string
}

const LABELS = { communityId: '所属社区', lat: '纬度', lng: '经度' }

/**
 * A grid form's fields and messages. `check` reads the boundary text, then lets the contract's schema
 * (grids.create or grids.update) judge everything, with each boundary message pointing at its line.
 */
export function useGridForm<F extends GridText>(initial: F, shown: readonly string[]) {
  const form = useForm(initial, shown, LABELS)
  const [lines, setLines] = useState<number[]>([])

  const check = <S extends z.ZodType>(schema: S, payload: (points: LatLng[]) => Draft<z.input<S>>) => {
    const parsed = parsePolygonText(form.values.polygon)
    if (parsed.error) {
      form.errors.reject('polygon', parsed.error)
      return null
    }
    setLines(parsed.lines)
    return form.errors.parse(schema, payload(parsed.points))
  }

  return { ...form, check, polygonError: polygonMessage(form.errors.fields, lines) }
}

/** What the shared parts of the two grid forms need from either form. */
export interface GridForm {
  field: (key: 'polygon' | 'notes') => { value: string; error: string | null; onChange: (value: string) => void }
  errors: { message: string | null }
  polygonError: string | null
}
