import { useRef } from 'react';
import type { DraftIssue } from '../../api/campaigns.ts';
import { useT } from '../../use-t.ts';
import { type Channel, KEYED_CHANNELS, type MessageDraft } from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';
import { KeyedTemplateEditor } from './keyed-template-editor.tsx';

const VARIABLES = [
  ['name', '{{ name }}'],
  ['grade', '{{ grade }}'],
  ['related_products', '{{ related_products }}'],
  ['last_viewed_product', '{{ last_viewed_product.name }}'],
  ['coupon.code', '{{ coupon.code }}'],
  ['coupon.value', '{{ coupon.value }}'],
  ['coupon.expires_at', '{{ coupon.expires_at }}'],
] as const;

/**
 * The message text of one arm with a variable picker that inserts at the cursor. `at` is the path
 * of the template in the campaign JSON (`templates.0`), so the server's issues land under their field.
 */
export function TemplateEditor(props: TemplateEditorProps) {
  if (KEYED_CHANNELS.includes(props.channel)) return <KeyedTemplateEditor {...props} />;
  return <TextTemplateEditor {...props} />;
}

export interface TemplateEditorProps {
  channel: Channel;
  value: MessageDraft;
  onChange: (m: MessageDraft) => void;
  issues: readonly DraftIssue[];
  at: string;
  fields: { subject: string | null; text: string };
  fallback: boolean;
  testPrefix: string;
}

function TextTemplateEditor(props: TemplateEditorProps) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const { value, onChange, at, fields } = props;
  const insert = (snippet: string) => {
    const el = ref.current;
    const start = el?.selectionStart ?? value.text.length;
    const end = el?.selectionEnd ?? value.text.length;
    const text = value.text.slice(0, start) + snippet + value.text.slice(end);
    onChange({ ...value, text });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };
  return (
    <div className="template-editor">
      {fields.subject ? (
        <label className="field">
          <span>
            {props.channel === 'email' || props.channel === 'sms' ? t('studio.field.subject') : t('studio.field.title')}
          </span>
          <input
            data-testid={`${props.testPrefix}-subject`}
            value={value.subject}
            onChange={(e) => onChange({ ...value, subject: e.target.value })}
          />
          <FieldIssues issues={props.issues} at={`${at}.${fields.subject}`} />
        </label>
      ) : null}
      <div className="variable-picker" data-testid={`${props.testPrefix}-variables`}>
        <span className="muted small">{t('studio.variables')}:</span>
        {VARIABLES.map(([key, snippet]) => (
          <button
            key={key}
            type="button"
            className="chip"
            data-testid={`${props.testPrefix}-var-${key}`}
            onClick={() => insert(snippet)}
          >
            {t(`studio.var.${key}`)}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('studio.field.text')}</span>
        <textarea
          ref={ref}
          rows={5}
          data-testid={`${props.testPrefix}-text`}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
        />
        <FieldIssues issues={props.issues} at={`${at}.${fields.text}`} />
      </label>
      {props.fallback ? (
        <label className="field">
          <span>{t('studio.field.fallbackText')}</span>
          <textarea
            rows={2}
            data-testid={`${props.testPrefix}-fallback`}
            value={value.fallbackText}
            onChange={(e) => onChange({ ...value, fallbackText: e.target.value })}
          />
          <FieldIssues issues={props.issues} at={`${at}.smsFallback`} />
        </label>
      ) : null}
      <FieldIssues issues={props.issues.filter((i) => i.path.length <= 2)} at={at} />
    </div>
  );
}
