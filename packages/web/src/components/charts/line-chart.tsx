import { useT } from '../../use-t.ts';
import type { Datum } from './chart-types.ts';

const W = 640;
const H = 220;
const PAD = { left: 56, right: 16, top: 16, bottom: 40 };

/** A line over ordered points (e.g. days or months); first, middle and last labels on the x axis. */
export function LineChart({
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
  if (data.length === 0) return <p className="muted">{t('chart.empty')}</p>;
  const max = Math.max(...data.map((d) => d.value), 1);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (data.length === 1 ? innerW / 2 : (i / (data.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (Math.max(0, v) / max) * innerH;
  const points = data.map((d, i) => `${x(i)},${y(d.value)}`).join(' ');
  const ticks = [...new Set([0, Math.floor((data.length - 1) / 2), data.length - 1])];
  return (
    <svg
      className="chart line-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      data-testid={testId}
    >
      <title>{title}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="chart-axis" />
      <text x={PAD.left - 6} y={y(max)} textAnchor="end" dominantBaseline="middle" className="chart-value">
        {format(max)}
      </text>
      <text x={PAD.left - 6} y={y(0)} textAnchor="end" dominantBaseline="middle" className="chart-value">
        {format(0)}
      </text>
      <polyline points={points} fill="none" stroke="#3b5bdb" strokeWidth={2} />
      {data.map((d, i) => (
        <circle key={d.label} cx={x(i)} cy={y(d.value)} r={3} fill="#3b5bdb">
          <title>{`${d.label}: ${format(d.value)}`}</title>
        </circle>
      ))}
      {ticks.map((i) => (
        <text key={i} x={x(i)} y={H - 12} textAnchor="middle" className="chart-label">
          {data[i]?.label}
        </text>
      ))}
    </svg>
  );
}
