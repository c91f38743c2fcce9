import { useState } from 'react';
import { type AudienceDay, fetchMovers, type Mover } from '../../api/audience.ts';
import { useLoad } from '../../api/use-api.ts';
import { formatNumber } from '../../format.ts';
import { hrefOf } from '../../router/match-route.ts';
import { useT } from '../../use-t.ts';
import { LineChart } from '../charts/line-chart.tsx';
import { StatusView } from '../status-view.tsx';

/** Size per day as a line, and a table of entries and exits per day; a day opens who moved. */
export function SizeHistory({ id, days }: { id: string; days: readonly AudienceDay[] }) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  if (days.length === 0)
    return (
      <div className="card">
        <p className="muted" data-testid="audience-no-history">
          {t('workspace.audience.noHistory')}
        </p>
      </div>
    );
  return (
    <div className="card">
      <h2>{t('workspace.audience.sizeOverTime')}</h2>
      <LineChart
        testId="audience-size-chart"
        title={t('workspace.audience.sizeOverTime')}
        data={days.map((d) => ({ label: d.day.slice(5), value: d.size }))}
        format={(n) => `${formatNumber(n)}명`}
      />
      <h2>{t('workspace.audience.movement')}</h2>
      <table data-testid="audience-days">
        <thead>
          <tr>
            <th>{t('workspace.audience.day')}</th>
            <th className="num">{t('workspace.audience.size')}</th>
            <th className="num">{t('workspace.audience.entered')}</th>
            <th className="num">{t('workspace.audience.exited')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...days].reverse().map((d) => (
            <tr key={d.day} data-testid={`audience-day-${d.day}`}>
              <td>{d.day}</td>
              <td className="num">{formatNumber(d.size)}</td>
              <td className="num up">+{formatNumber(d.entered)}</td>
              <td className="num down">−{formatNumber(d.exited)}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  data-testid="audience-day-who"
                  onClick={() => setOpen(open === d.day ? null : d.day)}
                >
                  {t('workspace.audience.who')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? <Movers id={id} day={open} /> : null}
    </div>
  );
}

function Movers({ id, day }: { id: string; day: string }) {
  const t = useT();
  const [movers] = useLoad(`movers:${id}:${day}`, (signal) => fetchMovers(id, day, signal));
  const list = (people: readonly Mover[], testId: string) => (
    <ul className="plain small" data-testid={testId}>
      {people.map((p) => (
        <li key={p.customerId}>
          <a href={hrefOf('/customers/:id', { id: p.customerId })}>{p.name ?? t('workspace.audience.noName')}</a>
        </li>
      ))}
    </ul>
  );
  return (
    <StatusView value={movers}>
      {(m) => (
        <div className="grid-2" data-testid="audience-movers">
          <div>
            <h3>{t('workspace.audience.whoEntered', { day, count: formatNumber(m.entered.length) })}</h3>
            {list(m.entered, 'movers-entered')}
          </div>
          <div>
            <h3>{t('workspace.audience.whoExited', { day, count: formatNumber(m.exited.length) })}</h3>
            {list(m.exited, 'movers-exited')}
          </div>
        </div>
      )}
    </StatusView>
  );
}
