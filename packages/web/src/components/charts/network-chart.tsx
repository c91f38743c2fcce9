import { useT } from '../../use-t.ts';

export interface NetworkEdge {
  readonly from: { readonly id: string; readonly name: string };
  readonly to: { readonly id: string; readonly name: string };
  /** Line width grows with it (e.g. lift). */
  readonly weight: number;
  /** Line darkness in [0, 1] (e.g. confidence). */
  readonly strength: number;
  /** The hover text of the line. */
  readonly text: string;
}

const W = 900;
const H = 460;
/** Radii of the ellipse; every other node sits further out so neighbouring labels do not collide. */
const RX = 250;
const RY = 165;
const STAGGER = 1.18;

/**
 * Nodes on a circle (deterministic, no physics) joined by weighted lines: a small network of
 * products bought together, readable at a glance and without a graph library.
 */
export function NetworkChart({
  edges,
  title,
  testId,
}: {
  edges: readonly NetworkEdge[];
  title: string;
  testId?: string;
}) {
  const t = useT();
  if (edges.length === 0) return <p className="muted">{t('chart.empty')}</p>;
  const names = new Map<string, string>();
  const degree = new Map<string, number>();
  for (const e of edges)
    for (const n of [e.from, e.to]) {
      names.set(n.id, n.name);
      degree.set(n.id, (degree.get(n.id) ?? 0) + 1);
    }
  const ids = [...names.keys()].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1));
  const at = new Map(
    ids.map((id, i) => {
      const a = (2 * Math.PI * i) / ids.length - Math.PI / 2;
      const k = i % 2 === 1 ? STAGGER : 1;
      return [id, { x: W / 2 + RX * k * Math.cos(a), y: H / 2 + RY * k * Math.sin(a), cos: Math.cos(a) }];
    }),
  );
  const maxW = Math.max(...edges.map((e) => e.weight), 1);
  return (
    <svg
      className="chart network"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      data-testid={testId}
    >
      <title>{title}</title>
      {edges.map((e) => {
        const a = at.get(e.from.id);
        const b = at.get(e.to.id);
        if (!a || !b) return null;
        return (
          <line
            key={`${e.from.id}>${e.to.id}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
            stroke="#3b5bdb"
            strokeOpacity={0.2 + 0.8 * Math.min(1, Math.max(0, e.strength))}
            strokeWidth={1 + (5 * e.weight) / maxW}
            data-testid="network-edge"
            data-from={e.from.id}
            data-to={e.to.id}
          >
            <title>{e.text}</title>
          </line>
        );
      })}
      {ids.map((id) => {
        const p = at.get(id);
        if (!p) return null;
        const right = p.cos >= 0;
        return (
          <g key={id} data-testid="network-node">
            <circle cx={p.x} cy={p.y} r={4 + 2 * (degree.get(id) ?? 1)} fill="#f08c00" stroke="#fff" />
            <text
              x={p.x + (right ? 12 : -12)}
              y={p.y}
              textAnchor={right ? 'start' : 'end'}
              dominantBaseline="middle"
              className="chart-label"
            >
              {names.get(id)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
