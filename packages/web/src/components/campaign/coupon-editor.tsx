import type { DraftIssue } from '../../api/campaigns.ts';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';
import type { CouponDraft } from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';

const DEFAULT: CouponDraft = {
  kind: 'amount',
  value: 5000,
  validDays: 14,
  budget: null,
  perCustomer: null,
  prefix: '',
};

/** Attach a coupon (unique code per customer): amount or percent, validity, budget, per-customer limit, code prefix. */
export function CouponEditor(props: {
  value: CouponDraft | null;
  onChange: (c: CouponDraft | null) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const c = props.value;
  const set = (p: Partial<CouponDraft>) => c && props.onChange({ ...c, ...p });
  return (
    <div>
      <label>
        <input
          type="checkbox"
          data-testid="coupon-attach"
          checked={c !== null}
          onChange={(e) => props.onChange(e.target.checked ? DEFAULT : null)}
        />
        {t('studio.coupon.attach')}
      </label>
      {c ? (
        <div className="row">
          <label className="field">
            <span>{t('studio.coupon.kind')}</span>
            <select
              data-testid="coupon-kind"
              value={c.kind}
              onChange={(e) => set({ kind: e.target.value as CouponDraft['kind'] })}
            >
              <option value="amount">{t('studio.coupon.amount')}</option>
              <option value="percent">{t('studio.coupon.percent')}</option>
            </select>
          </label>
          <NumberField
            label={t('studio.coupon.value')}
            value={c.value}
            min={1}
            integer
            testId="coupon-value"
            onChange={(v) => set({ value: v })}
          />
          <NumberField
            label={t('studio.coupon.validDays')}
            value={c.validDays}
            min={1}
            max={366}
            integer
            testId="coupon-days"
            onChange={(v) => set({ validDays: v })}
          />
          <NumberField
            label={t('studio.coupon.budget')}
            value={c.budget}
            min={1}
            integer
            required={false}
            testId="coupon-budget"
            onChange={(v) => set({ budget: v })}
          />
          <NumberField
            label={t('studio.coupon.perCustomer')}
            value={c.perCustomer}
            min={1}
            max={100}
            integer
            required={false}
            testId="coupon-per-customer"
            onChange={(v) => set({ perCustomer: v })}
          />
          <label className="field">
            <span>{t('studio.coupon.prefix')}</span>
            <input
              data-testid="coupon-prefix"
              value={c.prefix}
              onChange={(e) => set({ prefix: e.target.value.toUpperCase() })}
            />
          </label>
        </div>
      ) : null}
      <FieldIssues issues={props.issues} at="coupon" />
    </div>
  );
}
