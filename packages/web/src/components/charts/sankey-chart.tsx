import { useT } from '../../use-t.ts';
import { PALETTE } from './chart-types.ts';

export interface Flow {
  readonly from: string;
  readonly to: string;
  readonly value: number;
}

const W = 640;
const PAD = { top: 12, bottom: 12, left: 150, right: 150 };
const NODE_W = 14;
const GAP = 10;

interface Node {
  readonly key: string;
  readonly total: number;
  y: number;
  h: number;
  /** Where the next band leaves (left) or arrives (right). */
  cursor: number;
}

function column(flows: readonly Flow[], side: 'from' | 'to', scale: number): Map<string, Node> {
  const totals = new Map<string, number>();
  for (const f of flows) totals.set(f[side], (totals.get(f[side]) ?? 0) + f.value);
  const nodes = new Map<string, Node>();
  let y = PAD.top;
  for (const [key, total] of [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const h = Math.max(2, total * scale);
    nodes.set(key, { key, total, y, h, cursor: y });
    y += h + GAP;
  }
  return nodes;
}

/**
 * Flows from a left column of nodes to a right one (e.g. first channel → current channel), each
 * band as wide as its value; hovering a band names it with its value.
 */
export function SankeyChart({
  flows,
  label,
  format,
  title,
  testId,
}: {
  flows: readonly Flow[];
  label: (key: string) => string;
  format: (n: number) => string;
  title: string;
  testId?: string;
}) {
  const t = useT();
  const data = flows.filter((f) => f.value > 0);
  if (data.length === 0) return <p className="muted">{t('chart.empty')}</p>;
  const total = data.reduce((n, f) => n + f.value, 0);
  const sides = Math.max(new Set(data.map((f) => f.from)).size, new Set(data.map((f) => f.to)).size);
  const H = Math.max(180, sides * 34);
  const scale = (H - PAD.top - PAD.bottom - (sides - 1) * GAP) / total;
  const left = column(data, 'from', scale);
  const right = column(data, 'to', scale);
  const colorOf = new Map([...left.keys()].map((k, i) => [k, PALETTE[i % PALETTE.length] ?? '#3b5bdb']));
  const x0 = PAD.left + NODE_W;
  const x1 = W - PAD.right - NODE_W;
  const ordered = [...data].sort((a, b) => {
    const la = left.get(a.from)?.y ?? 0;
    const lb = left.get(b.from)?.y ?? 0;
    return la - lb || (right.get(a.to)?.y ?? 0) - (right.get(b.to)?.y ?? 0);
  });
  const bands = ordered.map((f) => {
    const a = left.get(f.from) as Node;
    const b = right.get(f.to) as Node;
    const h = Math.max(1, f.value * scale);
    const ya = a.cursor + h / 2;
    const yb = b.cursor + h / 2;
    a.cursor += h;
    b.cursor += h;
    const mx = (x0 + x1) / 2;
    return { f, h, d: `M${x0},${ya} C${mx},${ya} ${mx},${yb} ${x1},${yb}` };
  });
  const nodeText = (n: Node) => `${label(n.key)} ${format(n.total)}`;
  return (
    <svg
      className="chart sankey"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      data-testid={testId}
    >
      <title>{title}</title>
      {bands.map(({ f, h, d }) => (
        <path
          key={`${f.from}>${f.to}`}
          d={d}
          fill="none"
          stroke={colorOf.get(f.from)}
          strokeOpacity={0.35}
          strokeWidth={h}
          data-testid="sankey-band"
          data-from={f.from}
          data-to={f.to}
          data-value={f.value}
        >
          <title>{`${label(f.from)} → ${label(f.to)}: ${format(f.value)}`}</title>
        </path>
      ))}
      {[...left.values()].map((n) => (
        <g key={`l-${n.key}`}>
          <rect x={PAD.left} y={n.y} width={NODE_W} height={n.h} fill={colorOf.get(n.key)} />
          <text x={PAD.left - 6} y={n.y + n.h / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
            {nodeText(n)}
          </text>
        </g>
      ))}
      {[...right.values()].map((n) => (
        <g key={`r-${n.key}`}>
          <rect x={x1} y={n.y} width={NODE_W} height={n.h} fill="#868e96" />
          <text x={x1 + NODE_W + 6} y={n.y + n.h / 2} dominantBaseline="middle" className="chart-label">
            {nodeText(n)}
          </text>
        </g>
      ))}
    </svg>
  );
}
