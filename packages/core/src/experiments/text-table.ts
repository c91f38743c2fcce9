// Hangul, CJK and full-width forms take two terminal cells.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Terminal cell width of a string. */
export function measureWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Plain-text table: the first `leftColumns` columns left-aligned, the others right-aligned, two spaces apart. */
export function formatTable(rows: readonly (readonly string[])[], leftColumns = 1): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, measureWidth(cell));
    });
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - measureWidth(cell));
        return i < leftColumns ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}
