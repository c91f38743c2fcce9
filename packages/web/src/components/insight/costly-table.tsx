import { formatPercent } from '../../format.ts';
import { hrefOf } from '../../router/match-route.ts';
import { useT } from '../../use-t.ts';

export interface CostlyCustomer {
  customerId: string;
  name: string | null;
  cancelRate: number | null;
  returnRate: number | null;
  cherryPickerScore: number | null;
}

const pct = (x: number | null): string => (x === null ? '-' : formatPercent(x, 0));

/** The customers whose cancellations and returns cost most; names masked, each linked to the customer page. */
export function CostlyTable({ rows }: { rows: readonly CostlyCustomer[] }) {
  const t = useT();
  return (
    <table data-testid="costly-top">
      <thead>
        <tr>
          <th>{t('insight.customer')}</th>
          <th className="num">{t('insight.traits.cancelRate')}</th>
          <th className="num">{t('insight.traits.returnRate')}</th>
          <th className="num">{t('insight.traits.cherryScore')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.customerId}>
            <td>
              <a href={hrefOf('/customers/:id', { id: r.customerId })}>{r.name ?? t('audience.noName')}</a>
            </td>
            <td className="num">{pct(r.cancelRate)}</td>
            <td className="num">{pct(r.returnRate)}</td>
            <td className="num">{pct(r.cherryPickerScore)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
