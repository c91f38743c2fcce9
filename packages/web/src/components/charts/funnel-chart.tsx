import { useT } from '../../use-t.ts';
import { colorAt, type Datum } from './chart-types.ts';

/** Steps of a funnel (e.g. 발송 → 도달 → 열람 → 클릭 → 전환) as bars with the share of the first step. */
export function FunnelChart({ data, title, testId }: { data: readonly Datum[]; title: string; testId?: string }) {
  const t = useT();
  const first = data[0]?.value ?? 0;
  if (first <= 0) return <p className="muted">{t('chart.empty')}</p>;
  const row = 34;
  return (
    <svg
      className="chart funnel-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 640 ${data.length * row}`}
      width="100%"
      data-testid={testId}
    >
      <title>{title}</title>
      {data.map((d, i) => {
        const share = Math.max(0, d.value) / first;
        const w = Math.max(2, share * 440);
        const y = i * row;
        return (
          <g key={d.label}>
            <text x={110} y={y + row / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {d.label}
            </text>
            <rect x={120 + (440 - w) / 2} y={y + 4} width={w} height={row - 8} rx={4} fill={colorAt(i, d)} />
            <text x={570} y={y + row / 2} dominantBaseline="middle" className="chart-value">
              {`${d.value.toLocaleString('ko-KR')} (${(share * 100).toFixed(1)}%)`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
