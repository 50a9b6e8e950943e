/** The street → community → grid tree, departments, memberships and join codes, and the grid actions. */
import { z } from 'zod'
import { CursorSchema as Cursor, IdSchema as Id, LatLngSchema, PhoneSchema, pageOf as Page, text } from './common'

const Text = (label: string, max: number) => text({ label, max, min: 1 })

export const StreetDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  district: z.string(),
  /** Two letters that start every order number of the street (NZ-20261124-0042). */
  code: z.string().default(''),
  version: z.number().int(),
})
export type StreetDoc = z.infer<typeof StreetDocSchema>

export const CommunityDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  name: z.string(),
  version: z.number().int(),
})
export type CommunityDoc = z.infer<typeof CommunityDocSchema>

export const GridDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  communityId: z.string(),
  name: z.string(),
  code: z.string(),
  polygon: z.array(LatLngSchema),
  workerIds: z.array(z.string()),
  archived: z.boolean(),
  notes: z.string().default(''),
  departmentIds: z.array(z.string()).default([]),
  buildingHeadIds: z.array(z.string()).default([]),
  /** The grid's WeChat group (modules/feed/groups.ts), bound by its staff; null until then. */
  wxGroupKey: z.string().nullable().default(null),
  /** The current join code; older codes stay in `joincodes` marked rotated. */
  joinCode: z.string().default(''),
  createdAt: z.number().default(0),
  version: z.number().int(),
})
export type GridDoc = z.infer<typeof GridDocSchema>

/** A place people name (a market, a school, a numbered building): what a point is described by, in words. */
export const LandmarkDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  name: z.string(),
  location: LatLngSchema,
  version: z.number().int(),
})
export type LandmarkDoc = z.infer<typeof LandmarkDocSchema>

/** A grid's outline as a map sketch draws it. */
export const GridOutlineSchema = z.object({ id: z.string(), name: z.string(), polygon: z.array(LatLngSchema) })

export const DepartmentDocSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  name: z.string(),
  field: z.string(),
  /** The desk phone residents may call (masked on every public page). */
  contactPhone: z.string().nullable().default(null),
  version: z.number().int(),
})
export type DepartmentDoc = z.infer<typeof DepartmentDocSchema>

/** A resident's membership of a grid; moving home deactivates the old one (kept as history). */
export const MembershipDocSchema = z.object({
  _id: z.string(),
  gridId: z.string(),
  /** null for a resident registered offline by a grid worker (no phone, no account). */
  userId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  active: z.boolean(),
  offline: z.boolean(),
  joinedAt: z.number(),
  leftAt: z.number().nullable(),
  /** An offline record the resident claimed on joining with the same name and address. */
  claimedBy: z.string().nullable().default(null),
  version: z.number().int(),
})
export type MembershipDoc = z.infer<typeof MembershipDocSchema>

export const JoinCodeDocSchema = z.object({
  _id: z.string(),
  gridId: z.string(),
  active: z.boolean(),
  createdAt: z.number(),
  rotatedAt: z.number().nullable(),
  version: z.number().int(),
})
export type JoinCodeDoc = z.infer<typeof JoinCodeDocSchema>

/** Join codes are 8 characters from an alphabet without look-alikes (0/O, 1/I). */
export const JoinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{8}$/, '加入码应为 8 位字母或数字')

export const PersonCardSchema = z.object({ id: z.string(), nickname: z.string(), phoneMasked: z.string().nullable() })

export const GridHomeSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  communityName: z.string(),
  streetName: z.string(),
  archived: z.boolean(),
  notes: z.string(),
  polygon: z.array(LatLngSchema),
  workers: z.array(PersonCardSchema),
  buildingHeads: z.array(PersonCardSchema),
  departments: z.array(
    z.object({ id: z.string(), name: z.string(), field: z.string(), phoneMasked: z.string().nullable() }),
  ),
  memberCount: z.number().int(),
  isMember: z.boolean(),
  canManage: z.boolean(),
  /** 本网格微信群已关联. */
  wxGroupBound: z.boolean(),
})
export type GridHome = z.infer<typeof GridHomeSchema>

export const GridTreeSchema = z.object({
  streets: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      communities: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          grids: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              code: z.string(),
              archived: z.boolean(),
              workerNames: z.array(z.string()),
              memberCount: z.number().int(),
            }),
          ),
        }),
      ),
    }),
  ),
})

export const PolygonSchema = z.array(LatLngSchema).min(3, '网格边界至少需要 3 个点').max(200, '网格边界最多 200 个点')

export const JoinPreviewSchema = z.object({
  gridId: z.string(),
  gridName: z.string(),
  communityName: z.string(),
  workerNames: z.array(z.string()),
})

export const PosterSchema = z.object({
  gridId: z.string(),
  gridName: z.string(),
  communityName: z.string(),
  workerNames: z.array(z.string()),
  joinCode: z.string(),
  joinPath: z.string(),
  joinUrl: z.string().nullable(),
  qrSvg: z.string().nullable(),
  miniCodeUrl: z.string().nullable(),
})

export const MemberSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  offline: z.boolean(),
  isBuildingHead: z.boolean(),
  joinedAt: z.number(),
})

const Address = { building: Text('楼号', 20), unit: Text('单元', 20), room: Text('房号', 20) }

export const gridActions = {
  'grids.tree': { mutating: false, input: z.object({}).strict(), output: GridTreeSchema },
  'grids.get': { mutating: false, input: z.object({ gridId: Id }).strict(), output: GridHomeSchema },
  'grids.create': {
    mutating: true,
    input: z
      .object({
        communityId: Id,
        name: Text('网格名称', 30),
        code: z
          .string()
          .trim()
          .regex(/^[A-Z]{2}-\d{2,3}$/, '网格编号格式如 NZ-05'),
        polygon: PolygonSchema,
        notes: text({ label: '备注', max: 200, multiline: true }).default(''),
      })
      .strict(),
    output: GridHomeSchema,
  },
  'grids.update': {
    mutating: true,
    input: z
      .object({
        gridId: Id,
        name: Text('网格名称', 30).optional(),
        polygon: PolygonSchema.optional(),
        notes: text({ label: '备注', max: 200, multiline: true }).optional(),
        workerIds: z.array(Id).max(5).optional(),
      })
      .strict(),
    output: GridHomeSchema,
  },
  'grids.archive': {
    mutating: true,
    input: z.object({ gridId: Id, archived: z.boolean() }).strict(),
    output: GridHomeSchema,
  },
  'grids.locate': {
    mutating: false,
    input: LatLngSchema.strict(),
    output: z.object({
      gridId: z.string().nullable(),
      gridName: z.string().nullable(),
      /** Where the point is, in words: the grid and the nearest landmark (e.g. 南张社区第一网格 · 近南张菜市场约 80 米). */
      placeText: z.string(),
    }),
  },
  /** The outlines of the grid's street and its landmarks, for a map sketch (public geography, no people). */
  'grids.outlines': {
    mutating: false,
    input: z.union([z.object({ gridId: Id }).strict(), z.object({ communityId: Id }).strict()]),
    output: z.object({
      grids: z.array(GridOutlineSchema),
      landmarks: z.array(z.object({ name: z.string(), location: LatLngSchema })),
    }),
  },
  'grids.joinPreview': {
    mutating: false,
    input: z.object({ code: JoinCodeSchema }).strict(),
    output: JoinPreviewSchema,
  },
  'grids.join': {
    mutating: true,
    input: z.object({ code: JoinCodeSchema, ...Address, realName: Text('姓名', 20).optional() }).strict(),
    output: GridHomeSchema,
  },
  'grids.rotateCode': {
    mutating: true,
    input: z.object({ gridId: Id }).strict(),
    output: z.object({ joinCode: z.string() }),
  },
  'grids.poster': {
    mutating: false,
    input: z
      .object({
        gridId: Id,
        baseUrl: z
          .url({ protocol: /^https?$/ })
          .max(200)
          .optional(),
      })
      .strict(),
    output: PosterSchema,
  },
  'grids.members': {
    mutating: false,
    input: z.object({ gridId: Id, q: text({ label: '查询内容', max: 20 }).optional(), cursor: Cursor }).strict(),
    output: Page(MemberSchema),
  },
  'grids.registerOffline': {
    mutating: true,
    input: z.object({ gridId: Id, name: Text('姓名', 20), ...Address, phone: PhoneSchema.optional() }).strict(),
    output: MemberSchema,
  },
  'grids.appointBuildingHead': {
    mutating: true,
    input: z.object({ gridId: Id, userId: Id, appoint: z.boolean() }).strict(),
    output: GridHomeSchema,
  },
  /** The worker's real number, given only at the moment of calling, to the grid's members and staff. */
  'grids.callWorker': {
    mutating: false,
    input: z.object({ gridId: Id, workerId: Id }).strict(),
    output: z.object({ phone: z.string() }),
  },
  'departments.list': {
    mutating: false,
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(z.object({ id: z.string(), name: z.string(), field: z.string(), gridIds: z.array(z.string()) })),
    }),
  },
  'departments.create': {
    mutating: true,
    input: z.object({ name: Text('部门名称', 20), field: Text('职责领域', 20), streetId: Id.optional() }).strict(),
    output: z.object({ id: z.string(), name: z.string(), field: z.string() }),
  },
  'departments.enterGrids': {
    mutating: true,
    input: z.object({ departmentId: Id, gridIds: z.array(Id).min(1).max(100), enter: z.boolean() }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
} as const
