import type { DraftIssue } from '../../api/campaigns.ts';
import { useT } from '../../use-t.ts';
import { FieldIssues } from '../campaign/field-issues.tsx';

export interface HolidayBlock {
  name: string;
  from: string;
  to: string;
}

/** The brand's own days without ads (a store holiday, a shutdown), besides Seollal and Chuseok. */
export function HolidayBlocks(props: {
  blocks: readonly HolidayBlock[];
  onChange: (blocks: HolidayBlock[]) => void;
  disabled: boolean;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { blocks } = props;
  const change = (i: number, p: Partial<HolidayBlock>) =>
    props.onChange(blocks.map((b, k) => (k === i ? { ...b, ...p } : b)));
  const field = (i: number, k: keyof HolidayBlock, label: Parameters<typeof t>[0]) => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        data-testid={`holiday-${k}-${i}`}
        inputMode={k === 'name' ? undefined : 'numeric'}
        placeholder={k === 'name' ? '' : 'YYYY-MM-DD'}
        disabled={props.disabled}
        value={blocks[i]?.[k] ?? ''}
        onChange={(e) => change(i, { [k]: e.target.value })}
      />
      <FieldIssues issues={props.issues} at={`holidays.extraBlocks.${i}.${k}`} />
    </label>
  );
  return (
    <div data-testid="holiday-blocks">
      <h4>{t('studio.settings.extraBlocks')}</h4>
      {blocks.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="row" key={i}>
          {field(i, 'name', 'studio.settings.blockName')}
          {field(i, 'from', 'studio.settings.blockFrom')}
          {field(i, 'to', 'studio.settings.blockTo')}
          {props.disabled ? null : (
            <button
              type="button"
              className="link"
              data-testid={`holiday-remove-${i}`}
              onClick={() => props.onChange(blocks.filter((_b, k) => k !== i))}
            >
              {t('studio.settings.blockRemove')}
            </button>
          )}
        </div>
      ))}
      {props.disabled ? null : (
        <button
          type="button"
          data-testid="holiday-add"
          onClick={() => props.onChange([...blocks, { name: '', from: '', to: '' }])}
        >
          {t('studio.settings.blockAdd')}
        </button>
      )}
    </div>
  );
}
