import { useT } from '../../use-t.ts';
import { colorAt, type Datum } from './chart-types.ts';

/** Horizontal bars with the label on the left and the formatted value on the right (SVG). */
export function BarChart({
  data,
  format = (n) => n.toLocaleString('ko-KR'),
  title,
  testId,
  barTestId,
}: {
  data: readonly Datum[];
  format?: (n: number) => string;
  title: string;
  testId?: string;
  /** `data-testid` of each bar's group (label, bar and value), e.g. for a test to read one bin. */
  barTestId?: (d: Datum, i: number) => string;
}) {
  const t = useT();
  if (data.length === 0) return <p className="muted">{t('chart.empty')}</p>;
  const max = Math.max(...data.map((d) => d.value), 1);
  const row = 28;
  const labelW = 160;
  const barW = 360;
  const height = data.length * row + 8;
  return (
    <svg
      className="chart bar-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${labelW + barW + 120} ${height}`}
      width="100%"
      data-testid={testId}
    >
      <title>{title}</title>
      {data.map((d, i) => {
        const y = i * row + 4;
        const w = Math.max(1, (Math.max(0, d.value) / max) * barW);
        return (
          <g key={d.label} data-testid={barTestId?.(d, i)}>
            <text x={labelW - 8} y={y + row / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {d.label}
            </text>
            <rect x={labelW} y={y + 4} width={w} height={row - 10} rx={3} fill={colorAt(i, d)} />
            <text x={labelW + w + 6} y={y + row / 2} dominantBaseline="middle" className="chart-value">
              {format(d.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
