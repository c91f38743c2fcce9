import { formatKstDate } from '../../time/kst.ts';

/**
 * Order and receipt numbers in each channel's own format, assigned in generation order from
 * per-day counters (deterministic because people are generated in index order).
 */
export class OrderNumbers {
  private readonly counters = new Map<string, number>();

  private nextSeq(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  /** Cafe24: '20251115-0000123'. */
  cafe24(at: number): string {
    const ymd = formatKstDate(at).replaceAll('-', '');
    return `${ymd}-${String(this.nextSeq(`c|${ymd}`)).padStart(7, '0')}`;
  }

  /** SmartStore 주문번호 / 상품주문번호: 16 digits starting with the date. */
  smartstore(at: number, kind: 'order' | 'line'): string {
    const ymd = formatKstDate(at).replaceAll('-', '');
    const seq = this.nextSeq(`s${kind}|${ymd}`);
    return `${ymd}${String(kind === 'order' ? seq * 3 + 10_000_000 : seq * 7 + 50_000_000).padStart(8, '0')}`;
  }

  /** Musinsa: 18 digits; 29CM: 'yymmdd' + 7 digits. */
  marketplace(channel: 'musinsa' | '29cm', at: number): string {
    const ymd = formatKstDate(at).replaceAll('-', '');
    const seq = this.nextSeq(`${channel}|${ymd}`);
    return channel === 'musinsa'
      ? `${ymd}${String(seq).padStart(10, '0')}`
      : `${ymd.slice(2)}${String(seq + 1_000_000).padStart(7, '0')}`;
  }

  /** Coupang: an 11-digit increasing number. */
  coupang(): string {
    return String(30_000_000_000 + this.nextSeq('coupang') * 13);
  }

  /** POS receipt: '<store code>-20251115-0042'. */
  receipt(storeCode: string, at: number): string {
    const ymd = formatKstDate(at).replaceAll('-', '');
    return `${storeCode}-${ymd}-${String(this.nextSeq(`${storeCode}|${ymd}`)).padStart(4, '0')}`;
  }
}
