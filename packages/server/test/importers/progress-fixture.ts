/** `n` valid Musinsa order lines (one order each) in the generic orders layout (ORDERS_HEADER). */
export function musinsaRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const phone = `010-${String(2000 + (i % 7000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push([
      '무신사',
      `M-${i}`,
      `M-${i}-1`,
      `2026-10-${day} 10:00:00`,
      `고객${i}`,
      phone,
      `id${i}`,
      'P1',
      '니트',
      'M',
      '1',
      '0',
      '39,000',
      '',
      '배송완료',
    ]);
  }
  return rows;
}
