import { type FormEvent, useState } from 'react';
import { searchCustomers } from '../api/customers.ts';
import { useLoad } from '../api/use-api.ts';
import { CustomerResults } from '../components/customer/customer-results.tsx';
import { StatusView } from '../components/status-view.tsx';
import { useI18n } from '../i18n.ts';
import type { PageProps } from '../router/page-props.ts';
import { navigate } from '../router/use-location.ts';

const PAGE_SIZE = 20;

/** Search by name, phone (or its last 4 digits), email, member key or id; a paged, masked list with the total. */
export function CustomersPage({ query }: PageProps) {
  const { t } = useI18n();
  const q = query.get('q') ?? '';
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);
  const [input, setInput] = useState(q);
  const [hits] = useLoad(`${q}|${page}`, (signal) => searchCustomers(q, page * PAGE_SIZE, PAGE_SIZE, signal));
  const go = (nextQ: string, nextPage: number) =>
    navigate(`/customers?${new URLSearchParams({ q: nextQ, page: String(nextPage) }).toString()}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(input.trim(), 0);
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
      <div className="card">
        <StatusView value={hits}>{(d) => <CustomerResults page={d} onPage={(p) => go(q, p)} />}</StatusView>
      </div>
    </section>
  );
}
