import { useState } from 'react';
import { postForDownload } from '../../api/client.ts';
import { useApi } from '../../api.ts';
import { useSession } from '../../session/session-context.tsx';
import { useT } from '../../use-t.ts';
import { ErrorBanner } from '../error-banner.tsx';
import { ReasonField } from '../form/reason-field.tsx';
import { saveBlob } from '../save-blob.ts';
import { StatusView } from '../status-view.tsx';
import { useToast } from '../toast.tsx';

/**
 * A campaign's issued coupons: how many were issued and used, the code list as CSV, and (for roles
 * that may export personal data, with a reason) the Cafe24 member-id file or Admin API requests
 * that register the coupon for exactly the members holding a live code.
 */
export function CouponsPanel({ id }: { id: string }) {
  const t = useT();
  const { can } = useSession();
  const toast = useToast();
  const q = encodeURIComponent(id);
  const [summary] = useApi<{ total: number; redeemed: number }>(`/api/campaigns/${q}/coupons?limit=1`);
  const [reason, setReason] = useState('');
  const [couponNo, setCouponNo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const download = async (path: string, body: unknown, file: string, cafe24: boolean) => {
    setError(null);
    try {
      const r = await postForDownload(path, body);
      saveBlob(r.blob, file);
      toast.ok(
        cafe24
          ? t('coupons.cafe24Done', {
              file,
              members: r.headers.get('x-dalbit-members') ?? '0',
              without: r.headers.get('x-dalbit-without-member-id') ?? '0',
            })
          : t('imports.export.done', { file }),
      );
    } catch (e) {
      setError(e);
    }
  };
  const short = reason.trim().length < 2;
  const cafe24 = (format: 'members-csv' | 'api-json', file: string) =>
    void download(
      `/api/campaigns/${q}/coupons/cafe24`,
      { format, reason: reason.trim(), ...(couponNo.trim() ? { couponNo: couponNo.trim() } : {}) },
      file,
      true,
    );
  return (
    <div className="card" data-testid="coupons-panel">
      <h2>{t('coupons.title')}</h2>
      {error ? <ErrorBanner error={error} /> : null}
      <StatusView value={summary}>
        {(s) =>
          s.total === 0 ? (
            <p className="muted">{t('coupons.none')}</p>
          ) : (
            <p data-testid="coupons-summary">{t('coupons.summary', { issued: s.total, redeemed: s.redeemed })}</p>
          )
        }
      </StatusView>
      <p className="actions">
        <button
          type="button"
          data-testid="coupons-codes"
          onClick={() => void download(`/api/campaigns/${q}/coupons/export`, {}, `coupons-${id}.csv`, false)}
        >
          {t('coupons.codesCsv')}
        </button>
      </p>
      {can('pii.unmask') ? (
        <>
          <h3>{t('coupons.cafe24Title')}</h3>
          <p className="muted small">{t('coupons.cafe24Help')}</p>
          <p className="inline-form">
            <ReasonField value={reason} onChange={setReason} testId="coupons-reason" />
            <label className="inline-label">
              {t('coupons.couponNo')}
              <input
                data-testid="coupons-coupon-no"
                value={couponNo}
                inputMode="numeric"
                maxLength={20}
                onChange={(e) => setCouponNo(e.target.value.replace(/\D/g, ''))}
              />
            </label>
          </p>
          <p className="actions">
            <button
              type="button"
              data-testid="coupons-cafe24-members"
              disabled={short}
              onClick={() => cafe24('members-csv', `cafe24-coupon-${id}-members.csv`)}
            >
              {t('coupons.cafe24Members')}
            </button>
            <button
              type="button"
              data-testid="coupons-cafe24-api"
              disabled={short}
              onClick={() => cafe24('api-json', `cafe24-coupon-${id}-requests.json`)}
            >
              {t('coupons.cafe24Api')}
            </button>
          </p>
        </>
      ) : null}
    </div>
  );
}
