import { DAY_MS } from '../../time/kst.ts';
import type { LineStatus } from '../demo-model.ts';

export type StatusLabel =
  | '결제완료'
  | '배송중'
  | '배송완료'
  | '구매확정'
  | '취소'
  | '반품'
  | '교환'
  | '취소완료'
  | '반품완료'
  | '교환완료';

/**
 * The admin-console label of a line at export time: paid lines move through delivery to
 * 구매확정; SmartStore says 취소완료/반품완료/교환완료 where Cafe24 says 취소/반품/교환.
 */
export function toStatusLabel(
  status: LineStatus,
  orderedAt: number,
  exportedAt: number,
  style: 'cafe24' | 'smartstore' = 'cafe24',
): StatusLabel {
  const done = style === 'smartstore';
  switch (status) {
    case 'cancelled':
      return done ? '취소완료' : '취소';
    case 'returned':
      return done ? '반품완료' : '반품';
    case 'exchanged':
      return done ? '교환완료' : '교환';
    case 'paid': {
      const age = (exportedAt - orderedAt) / DAY_MS;
      return age < 1 ? '결제완료' : age < 3 ? '배송중' : age < 10 ? '배송완료' : '구매확정';
    }
  }
}
