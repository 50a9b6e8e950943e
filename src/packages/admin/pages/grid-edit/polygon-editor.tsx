import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback, useMemo, useRef, useState } from 'react'
import { SvgImage } from '../../../../components/svg-image'
import { frameOf, sketchSvg, SKETCH_H, SKETCH_W, toLatLng, type Frame } from '../../../../components/map-sketch/sketch'
import type { LatLng } from '../../../../contract'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/api'
import { addVertex, moveVertex, removeVertex, vertexAt } from './vertex-edit'

export type Around = { gridId: string } | { communityId: string } | null

interface PolygonEditorProps {
  around: Around
  /** The grid being edited (drawn as the vertices, not as a neighbour). */
  gridId: string | null
  vertices: LatLng[]
  onChange: (vertices: LatLng[]) => void
}

interface Pointer {
  clientX: number
  clientY: number
}

/** Where a touch or click is, in the sketch's own units. */
async function sketchPoint(id: string, p: Pointer): Promise<{ x: number; y: number } | null> {
  const rect = await new Promise<{ left: number; top: number; width: number; height: number } | null>((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect((r) => resolve((Array.isArray(r) ? r[0] : r) ?? null))
      .exec(),
  )
  if (!rect || !rect.width) return null
  return { x: ((p.clientX - rect.left) / rect.width) * SKETCH_W, y: ((p.clientY - rect.top) / rect.height) * SKETCH_H }
}

const pointerOf = (e: unknown): Pointer | null => {
  const ev = e as { touches?: Pointer[]; changedTouches?: Pointer[]; clientX?: number; clientY?: number }
  const t = ev.touches?.[0] ?? ev.changedTouches?.[0]
  if (t) return t
  return typeof ev.clientX === 'number' && typeof ev.clientY === 'number'
    ? { clientX: ev.clientX, clientY: ev.clientY }
    : null
}

/**
 * The boundary drawn on the street's sketch: tap to add a corner, drag a corner to move it, remove the last or
 * the selected one. Neighbouring grids are drawn faintly; the frame stays put while editing.
 */
export function PolygonEditor({ around, gridId, vertices, onChange }: PolygonEditorProps) {
  const key = around ? JSON.stringify(around) : ''
  const outlines = useQuery(
    useCallback(
      () => (key ? call('grids.outlines', JSON.parse(key) as NonNullable<Around>) : Promise.resolve(null)),
      [key],
    ),
  )
  const [selected, setSelected] = useState<number | null>(null)
  const dragging = useRef<number | null>(null)
  const moved = useRef(false)
  // Touches are handled in order: a move waits for its start to be located, the end for the last move.
  const chain = useRef<Promise<void>>(Promise.resolve())
  const enqueue = (step: () => Promise<void> | void) => {
    chain.current = chain.current.then(step).catch(() => undefined)
  }
  const latest = useRef(vertices)
  latest.current = vertices
  const neighbours = useMemo(() => (outlines.data?.grids ?? []).filter((g) => g.id !== gridId), [outlines.data, gridId])
  // The frame: the grid's own corners when it has some, else the neighbourhood; fixed once known.
  const frameRef = useRef<Frame | null>(null)
  if (!frameRef.current && outlines.data) {
    const basis = vertices.length >= 3 ? vertices : neighbours.flatMap((g) => g.polygon)
    if (basis.length) frameRef.current = frameOf(basis, vertices.length >= 3 ? 0.6 : 0.05)
  }
  const frame = frameRef.current
  const svg = useMemo(
    () => (frame ? sketchSvg({ frame, grids: neighbours, landmarks: outlines.data?.landmarks ?? [], vertices }) : null),
    [frame, neighbours, outlines.data, vertices],
  )
  if (!frame || !svg)
    return (
      <Text className="muted">{outlines.error ?? (around ? '正在加载地图…' : '先选择所属社区，再在地图上描点')}</Text>
    )

  const onDown = (e: unknown) => {
    const p = pointerOf(e)
    enqueue(async () => {
      const at = p ? await sketchPoint('grid-sketch', p) : null
      if (!at) return
      const hit = vertexAt(frame, latest.current, at.x, at.y)
      dragging.current = hit
      moved.current = false
      if (hit !== null) setSelected(hit)
    })
  }
  const onMove = (e: unknown) => {
    const p = pointerOf(e)
    enqueue(async () => {
      const index = dragging.current
      const at = p && index !== null ? await sketchPoint('grid-sketch', p) : null
      if (!at || index === null) return
      moved.current = true
      const next = moveVertex(latest.current, index, toLatLng(frame, at.x, at.y))
      latest.current = next
      onChange(next)
    })
  }
  const onUp = () => enqueue(() => void (dragging.current = null))
  const onTap = async (e: unknown) => {
    if (moved.current) return void (moved.current = false)
    const p = pointerOf(e)
    const at = p ? await sketchPoint('grid-sketch', p) : null
    if (!at) return
    const hit = vertexAt(frame, vertices, at.x, at.y)
    if (hit !== null) return setSelected(hit)
    onChange(addVertex(vertices, toLatLng(frame, at.x, at.y)))
    setSelected(null)
  }
  return (
    <View className="grid-editor">
      <View
        id="grid-sketch"
        className="grid-editor__sketch"
        onTouchStart={onDown}
        onTouchMove={onMove}
        onTouchEnd={onUp}
        onClick={(e) => void onTap(e)}
      >
        <SvgImage svg={svg} className="grid-editor__img" />
      </View>
      <Text className="muted">
        {`点地图添加边界点，按住拖动可调整，已描 ${vertices.length} 个点${selected !== null ? `，选中第 ${selected + 1} 点` : ''}`}
      </Text>
      <View className="grid-editor__actions">
        <Button
          id="grid-vertex-undo"
          size="small"
          fill="outline"
          disabled={!vertices.length}
          onClick={() => onChange(vertices.slice(0, -1))}
        >
          撤销最后一点
        </Button>
        <Button
          id="grid-vertex-remove"
          size="small"
          fill="outline"
          disabled={selected === null}
          onClick={() => {
            if (selected === null) return
            onChange(removeVertex(vertices, selected))
            setSelected(null)
          }}
        >
          删除选中点
        </Button>
      </View>
    </View>
  )
}
