import { useT } from '../../use-t.ts';
import { colorAt, type Datum } from './chart-types.ts';

/** Shares of a whole as a donut with a legend (label · value · %). */
export function DonutChart({
  data,
  format = (n) => n.toLocaleString('ko-KR'),
  title,
  testId,
}: {
  data: readonly Datum[];
  format?: (n: number) => string;
  title: string;
  testId?: string;
}) {
  const t = useT();
  const total = data.reduce((s, d) => s + Math.max(0, d.value), 0);
  if (total <= 0) return <p className="muted">{t('chart.empty')}</p>;
  const r = 60;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <div className="donut" data-testid={testId}>
      <svg role="img" aria-label={title} viewBox="0 0 160 160" width={160} height={160}>
        <title>{title}</title>
        {data.map((d, i) => {
          const len = (Math.max(0, d.value) / total) * c;
          const seg = (
            <circle
              key={d.label}
              cx={80}
              cy={80}
              r={r}
              fill="none"
              stroke={colorAt(i, d)}
              strokeWidth={28}
              strokeDasharray={`${len} ${c - len}`}
              strokeDashoffset={-offset}
              transform="rotate(-90 80 80)"
            />
          );
          offset += len;
          return seg;
        })}
      </svg>
      <ul className="legend">
        {data.map((d, i) => (
          <li key={d.label}>
            <span className="swatch" style={{ background: colorAt(i, d) }} />
            {d.label} · {format(d.value)} · {((Math.max(0, d.value) / total) * 100).toFixed(1)}%
          </li>
        ))}
      </ul>
    </div>
  );
}
