/** Order copy that only the client needs (tones of state tags); the labels themselves live in types/labels.ts. */
import type { OrderSummary } from '../contract'
export { EVENT_LABELS, JOINT_LABELS, RATING_LABELS, SOURCE_LABELS, STATE_LABELS, TIMELINE_LABELS } from '../contract'

export const STATE_TONE: Record<OrderSummary['state'], 'red' | 'orange' | 'blue' | 'green' | 'grey'> = {
  submitted: 'orange',
  dispatched: 'orange',
  accepted: 'blue',
  in_progress: 'blue',
  resolved: 'green',
  closed: 'grey',
  rejected: 'grey',
  merged: 'grey',
}
