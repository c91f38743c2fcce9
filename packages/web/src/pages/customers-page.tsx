import { type FormEvent, useState } from 'react';
import { api, useApi } from '../api.ts';
import { StatusView } from '../components/status-view.tsx';
import { formatKst, formatNumber, formatWon } from '../format.ts';
import { channelName, termName, useI18n } from '../i18n.ts';

interface Hit {
  customerId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  grade: string | null;
  orders: number;
  revenue: number;
  lastOrderAt: string | null;
}
type Row = Record<string, unknown>;
interface View {
  customerId: string;
  masked: boolean;
  profile: Row;
  identities: Row[];
  channels: Row[];
  orders: { summary: Row; byChannel: Row[]; last: Row[] };
  consents: Row[];
  merges: Row[];
}

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '-' : String(v));

export function CustomersPage() {
  const { t, lang } = useI18n();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [hits] = useApi<{ customers: Hit[] }>(`/api/customers?q=${encodeURIComponent(query)}&limit=20`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(input);
    setSelected(null);
  };
  return (
    <section>
      <h1>{t('searchTitle')}</h1>
      <form className="search" onSubmit={submit}>
        <input
          data-testid="customer-search"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
        />
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>
      <div className="grid-2 wide-left">
        <div className="card">
          <StatusView value={hits}>
            {(d) =>
              d.customers.length === 0 ? (
                <p className="muted">{t('noResults')}</p>
              ) : (
                <table data-testid="customer-results" className="clickable">
                  <thead>
                    <tr>
                      <th>{t('name')}</th>
                      <th>{t('phone')}</th>
                      <th>{t('email')}</th>
                      <th className="num">{t('orders')}</th>
                      <th className="num">{t('revenue')}</th>
                      <th>{t('lastOrder')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.customers.map((c) => (
                      <tr
                        key={c.customerId}
                        className={c.customerId === selected ? 'selected' : ''}
                        onClick={() => setSelected(c.customerId)}
                      >
                        <td>{s(c.name)}</td>
                        <td className="mono">{s(c.phone)}</td>
                        <td className="mono">{s(c.email)}</td>
                        <td className="num">{formatNumber(c.orders)}</td>
                        <td className="num">{formatWon(c.revenue, lang)}</td>
                        <td>{formatKst(c.lastOrderAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </StatusView>
        </div>
        {selected ? <CustomerProfile key={selected} id={selected} /> : null}
      </div>
    </section>
  );
}

function CustomerProfile({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [view, reload] = useApi<View>(`/api/customers/${encodeURIComponent(id)}`);
  const [unmasked, setUnmasked] = useState<View | null>(null);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const unmask = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setUnmasked(await api<View>(`/api/customers/${encodeURIComponent(id)}/unmask`, { body: { reason } }));
      setProblem(null);
      setAsking(false);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="card profile" data-testid="customer-profile">
      <StatusView value={unmasked ? { state: 'ok', data: unmasked } : view} onRetry={reload}>
        {(v) => {
          const p = v.profile;
          const sum = v.orders.summary;
          return (
            <>
              <h2>
                {s(p.name)} <span className="muted mono small">{v.customerId}</span>
              </h2>
              <p className={v.masked ? 'notice' : 'notice warn'}>{v.masked ? t('masked') : t('unmasked')}</p>
              {v.masked ? (
                asking ? (
                  <form className="inline" onSubmit={unmask}>
                    <input
                      data-testid="unmask-reason"
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      placeholder={t('unmaskReason')}
                    />
                    <button type="submit">{t('unmaskConfirm')}</button>
                    {problem ? <span className="error-text">{problem}</span> : null}
                  </form>
                ) : (
                  <button type="button" onClick={() => setAsking(true)}>
                    {t('unmask')}
                  </button>
                )
              ) : null}
              <dl className="facts">
                <dt>{t('phone')}</dt>
                <dd className="mono">{s(p.phone)}</dd>
                <dt>{t('email')}</dt>
                <dd className="mono">{s(p.email)}</dd>
                <dt>{t('grade')}</dt>
                <dd>{s(p.grade)}</dd>
                <dt>{t('orders')}</dt>
                <dd>
                  {formatNumber(Number(sum.orders ?? 0))} · {formatWon(Number(sum.revenue ?? 0), lang)}
                </dd>
              </dl>
              <h3>{t('channels')}</h3>
              <p>
                {v.channels.length
                  ? v.channels.map((c) => channelName(String(c.channel), lang)).join(' · ')
                  : t('none')}
              </p>
              <h3>{t('identities')}</h3>
              <ul className="plain small">
                {v.identities.map((i) => (
                  <li key={`${s(i.kind)}:${s(i.value)}`}>
                    <span>{termName(s(i.kind), lang)}</span>
                    <span className="mono">{s(i.value)}</span>
                  </li>
                ))}
              </ul>
              <h3>{t('lastOrders')}</h3>
              <table className="small">
                <tbody>
                  {v.orders.last.map((o) => (
                    <tr key={s(o.order_id)}>
                      <td>{formatKst(o.ordered_at)}</td>
                      <td>{channelName(s(o.channel), lang)}</td>
                      <td>{termName(s(o.status), lang)}</td>
                      <td className="num">{formatWon(Number(o.paid_amount ?? 0), lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{t('consents')}</h3>
              <ul className="plain small">
                {v.consents.length === 0 ? <li>{t('none')}</li> : null}
                {v.consents.map((c) => (
                  <li key={`${s(c.channel)}:${s(c.purpose)}`}>
                    <span>
                      {channelName(s(c.channel), lang)} · {termName(s(c.purpose), lang)}
                    </span>
                    <span className={c.granted ? 'ok' : 'bad'}>{c.granted ? t('granted') : t('withdrawn')}</span>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </StatusView>
    </div>
  );
}
