import { type FormEvent, useState } from 'react';
import { type CustomerView, unmaskCustomer } from '../../api/customers.ts';
import { useI18n } from '../../i18n.ts';
import { useSession } from '../../session/session-context.tsx';
import { useT } from '../../use-t.ts';
import { ErrorBanner } from '../error-banner.tsx';

/** "개인정보 보기": asks for a reason (kept in the access log); only roles with pii.unmask see the button. */
export function UnmaskForm({ customerId, onUnmasked }: { customerId: string; onUnmasked: (v: CustomerView) => void }) {
  const { t } = useI18n();
  const tc = useT();
  const { can } = useSession();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!can('pii.unmask'))
    return (
      <p className="muted small" data-testid="unmask-not-allowed">
        {tc('audience.customers.noUnmask')}
      </p>
    );
  if (!asking)
    return (
      <button type="button" data-testid="unmask" onClick={() => setAsking(true)}>
        {t('unmask')}
      </button>
    );
  const short = reason.trim().length < 2;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (short) return;
    try {
      onUnmasked(await unmaskCustomer(customerId, reason.trim()));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="inline" onSubmit={submit}>
      <input
        data-testid="unmask-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('unmaskReason')}
        aria-label={t('unmaskReason')}
      />
      <button type="submit" data-testid="unmask-confirm" disabled={short}>
        {t('unmaskConfirm')}
      </button>
      {short && reason !== '' ? <span className="field-error">{tc('audience.customers.reasonTooShort')}</span> : null}
      {error ? <ErrorBanner error={error} /> : null}
    </form>
  );
}
