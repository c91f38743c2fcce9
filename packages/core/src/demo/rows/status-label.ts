import type { LineStatus } from '../demo-model.ts';
import { DAY_MS } from '../kst-time.ts';

export type StatusLabel = '결제완료' | '배송중' | '배송완료' | '구매확정' | '취소' | '반품' | '교환';

/** The admin-console label of a line at export time: paid lines move through delivery to 구매확정. */
export function toStatusLabel(status: LineStatus, orderedAt: number, exportedAt: number): StatusLabel {
  switch (status) {
    case 'cancelled':
      return '취소';
    case 'returned':
      return '반품';
    case 'exchanged':
      return '교환';
    case 'paid': {
      const age = (exportedAt - orderedAt) / DAY_MS;
      return age < 1 ? '결제완료' : age < 3 ? '배송중' : age < 10 ? '배송완료' : '구매확정';
    }
  }
}
