import { useApi } from '../../api.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { StatusView } from '../status-view.tsx';

type Label = { ko: string; en: string };
interface Transitions {
  asOf: string;
  previous: string;
  segments: { segment: string; label: Label }[];
  transitions: { from: string | null; to: string; customers: number }[];
}

/** A matrix of how many customers moved from each RFM segment last month (rows) to each segment now (columns). */
export function RfmTransitions({ tick }: { tick: number }) {
  const t = useT();
  const { lang } = useI18n();
  const [data] = useApi<Transitions>(`/api/rfm/transitions?t=${tick}`);
  return (
    <div className="card span-all">
      <h2>{t('workspace.rfm.transitions')}</h2>
      <StatusView value={data}>
        {(d) => {
          const n = new Map(d.transitions.map((x) => [`${x.from ?? ''}>${x.to}`, x.customers]));
          const max = Math.max(1, ...d.transitions.map((x) => x.customers));
          const rows: { key: string; label: string }[] = [
            ...d.segments.map((s) => ({ key: s.segment, label: s.label[lang] })),
            { key: '', label: t('workspace.rfm.newBuyers') },
          ];
          return (
            <>
              <p className="muted small">
                {t('workspace.rfm.transitionsIntro', { previous: d.previous, asOf: d.asOf })}
              </p>
              <div className="scroll-x">
                <table className="matrix" data-testid="rfm-transitions">
                  <thead>
                    <tr>
                      <th className="small muted">{t('workspace.rfm.thenNow')}</th>
                      {d.segments.map((s) => (
                        <th key={s.segment} className="num small">
                          {s.label[lang]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.key || 'new'}>
                        <th className="small">{r.label}</th>
                        {d.segments.map((s) => {
                          const c = n.get(`${r.key}>${s.segment}`) ?? 0;
                          return (
                            <td
                              key={s.segment}
                              className="num"
                              data-testid={`transition-${r.key || 'new'}-${s.segment}`}
                              style={c ? { background: `rgba(59, 91, 219, ${0.06 + (0.6 * c) / max})` } : undefined}
                            >
                              {c ? formatNumber(c) : ''}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </StatusView>
    </div>
  );
}
