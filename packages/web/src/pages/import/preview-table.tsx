import type { Inspection } from '../../api/imports.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { fieldName, formatCell } from './import-labels.ts';

/** The first rows as they will be imported: Dalbit fields as columns, values formatted, PII masked. */
export function PreviewTable({ inspection }: { inspection: Inspection }) {
  const t = useT();
  const { lang } = useI18n();
  const seen = new Set(inspection.preview.flatMap((r) => Object.keys(r.cells)));
  const order = inspection.fields.map((f) => f.field).filter((f) => seen.has(f));
  const fields = [...order, ...[...seen].filter((f) => !order.includes(f))];
  if (inspection.preview.length === 0) return <p className="muted">{t('imports.previewNone')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">{t('imports.line')}</th>
            {fields.map((f) => (
              <th key={f}>{fieldName(f, lang)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {inspection.preview.map((r) => (
            <tr key={r.line}>
              <td className="num muted">{r.line}</td>
              {fields.map((f) => (
                <td key={f}>{formatCell(f, r.cells[f], lang)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
