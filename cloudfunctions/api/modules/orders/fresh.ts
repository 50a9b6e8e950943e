/** The fields every new order starts with: nobody handles, rates or follows it yet. */
import type { OrderDoc } from '../../../../types'

export const FRESH_ORDER = {
  departmentId: null,
  onBehalfUserId: null,
  jointDepartmentIds: [],
  followerIds: [],
  repeatCount: 0,
  handlerId: null,
  supervised: false,
  joint: null,
  resolveDeadline: null,
  acceptedAt: null,
  resolvedAt: null,
  closedAt: null,
  rating: null,
  ratingComment: '',
  autoClosed: false,
  confirmed: false,
  reopenCount: 0,
  unsatisfiedCount: 0,
  mergedInto: null,
  rejectReason: null,
  version: 0,
} satisfies Partial<OrderDoc>
