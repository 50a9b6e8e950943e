import type { OrderSummary } from '../../contract'
import { usePaged, type Paged } from '../use-paged'

export type OrderPage = Paged<OrderSummary>

/** A list of orders, 20 a page: the first page on every show, more on demand. */
export function useOrderPage(fetchPage: (cursor: string | undefined) => Promise<OrderPage>) {
  return usePaged<OrderSummary>(fetchPage)
}
