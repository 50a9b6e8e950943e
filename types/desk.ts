/**
 * The staff desk: what a grid worker, department officer, building head or admin has to do now, in counts
 * (待接单 / 办理中 / 超期 per queue, and the tab badge), the most urgent items, the places they work in and
 * what they may file there. 首页's work view and the 工作台 both read it; nothing here is a second source.
 */
import { z } from 'zod'
import { IdSchema } from './common'
import { InboxQueueSchema, OrderSummarySchema } from './order-actions'

export const QueueCountSchema = z.object({
  queue: InboxQueueSchema,
  /** 待接单 (or 待派单 in the street's queue). */
  pending: z.number().int(),
  /** 已接单 and 办理中. */
  working: z.number().int(),
  /** Open and past their deadline (any of the above). */
  overdue: z.number().int(),
})
export type QueueCount = z.infer<typeof QueueCountSchema>

/** What a person may file from the desk: 巡查 (grid workers, departments in their grids), 代办 (workers, 楼长). */
export const DESK_FILINGS = ['patrol', 'proxy'] as const
export const DeskFilingSchema = z.enum(DESK_FILINGS)
export type DeskFiling = z.infer<typeof DeskFilingSchema>

const PlaceRefSchema = z.object({ id: z.string(), name: z.string() })

export const DeskSchema = z.object({
  queues: z.array(QueueCountSchema),
  totals: z.object({ pending: z.number().int(), working: z.number().int(), overdue: z.number().int() }),
  /** Residents' questions: open without a staff reply in grids I answer in; flagged to my community (2 days). */
  questions: z.object({ pending: z.number().int(), flagged: z.number().int(), gridIds: z.array(z.string()) }),
  /** The tab badge: items waiting to be taken, taken ones past their deadline, and questions waiting for a reply. */
  badge: z.number().int(),
  /** The most urgent open items of the first queue (deadline first), at most 3. */
  urgent: z.array(OrderSummarySchema),
  /** Grids worked as 网格员. */
  grids: z.array(PlaceRefSchema),
  /** Departments the person works for, with the grids each has entered. */
  departments: z.array(PlaceRefSchema.extend({ grids: z.array(PlaceRefSchema) })),
  /** Buildings the person heads (as 楼长): the grid and the building of their own home there. */
  buildings: z.array(z.object({ gridId: z.string(), gridName: z.string(), building: z.string().nullable() })),
  /** Per grid, what the person may file there from the desk. */
  filings: z.array(z.object({ gridId: z.string(), gridName: z.string(), kinds: z.array(DeskFilingSchema) })),
})
export type Desk = z.infer<typeof DeskSchema>

const BuildingMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  room: z.string(),
  offline: z.boolean(),
  phoneMasked: z.string().nullable(),
  isBuildingHead: z.boolean(),
})

export const deskActions = {
  'desk.get': { mutating: false, input: z.object({}).strict(), output: DeskSchema },
  /** 楼长: the residents of the building they head in a grid (for relaying notices, and 代邻居上报). */
  'desk.building': {
    mutating: false,
    input: z.object({ gridId: IdSchema }).strict(),
    output: z.object({
      gridName: z.string(),
      building: z.string(),
      items: z.array(BuildingMemberSchema),
    }),
  },
} as const
