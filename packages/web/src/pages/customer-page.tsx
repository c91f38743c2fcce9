import { useState } from 'react';
import { type CustomerView, fetchCustomer, fetchCustomerInsight, fetchCustomerNotices } from '../api/customers.ts';
import { useLoad } from '../api/use-api.ts';
import { CustomerInsightView } from '../components/customer/customer-insight-view.tsx';
import { NoticesCard } from '../components/customer/notices-card.tsx';
import { ProfileCard } from '../components/customer/profile-card.tsx';
import { StatusView } from '../components/status-view.tsx';
import type { PageProps } from '../router/page-props.ts';
import { useT } from '../use-t.ts';

/** One customer: the (masked) profile with unmask-by-reason, then scores, traits, audiences, messages, timeline, notices and coupons. */
export function CustomerPage({ params }: PageProps) {
  const t = useT();
  const id = params.id ?? '';
  const [view, reload] = useLoad(`view:${id}`, (signal) => fetchCustomer(id, signal));
  const [insight] = useLoad(`insight:${id}`, (signal) => fetchCustomerInsight(id, signal));
  const [notices] = useLoad(`notices:${id}`, (signal) => fetchCustomerNotices(id, signal));
  const [unmasked, setUnmasked] = useState<CustomerView | null>(null);
  return (
    <section>
      <p>
        <a href="#/customers">{t('audience.customers.back')}</a>
      </p>
      <div className="grid-2">
        <StatusView value={unmasked ? { state: 'ok', data: unmasked } : view} onRetry={reload}>
          {(v) => <ProfileCard view={v} onUnmasked={setUnmasked} />}
        </StatusView>
        <StatusView value={insight}>{(i) => <CustomerInsightView insight={i} />}</StatusView>
      </div>
      <StatusView value={notices}>{(n) => <NoticesCard notices={n} />}</StatusView>
    </section>
  );
}
