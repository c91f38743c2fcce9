import { useT } from '../../use-t.ts';
import { type MessageDraft, newPair } from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';
import type { TemplateEditorProps } from './template-editor.tsx';

/** `#{name}` variables of a registered AlimTalk template body, in order, once each. */
export function alimtalkVariables(body: string): string[] {
  return [...new Set([...body.matchAll(/#\{([^{}]+)\}/g)].map((m) => (m[1] ?? '').trim()).filter(Boolean))];
}

/**
 * An AlimTalk message (registered template code + a value per `#{variable}`) or a webhook call
 * (event name + payload). Values are Liquid, checked like any text. For AlimTalk, pasting the
 * approved template's body adds a row per `#{variable}` it names.
 */
export function KeyedTemplateEditor(props: TemplateEditorProps) {
  const t = useT();
  const { value, onChange, at, testPrefix: tp } = props;
  const alimtalk = props.channel === 'kakao_alimtalk';
  const pairs = value.pairs;
  const set = (p: Partial<MessageDraft>) => onChange({ ...value, ...p });
  const setPair = (i: number, p: Partial<MessageDraft['pairs'][number]>) =>
    set({ pairs: pairs.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  const fromBody = (body: string) => {
    const missing = alimtalkVariables(body).filter((k) => !pairs.some((p) => p.key === k));
    set({ body, pairs: missing.length > 0 ? [...pairs, ...missing.map((key) => newPair(key))] : pairs });
  };
  return (
    <div className="template-editor">
      <label className="field">
        <span>{t(alimtalk ? 'studio.alimtalk.code' : 'studio.webhook.event')}</span>
        <input data-testid={`${tp}-code`} value={value.code} onChange={(e) => set({ code: e.target.value })} />
        <FieldIssues issues={props.issues} at={`${at}.${alimtalk ? 'templateCode' : 'event'}`} />
      </label>
      {alimtalk ? (
        <label className="field">
          <span>{t('studio.alimtalk.body')}</span>
          <textarea rows={3} data-testid={`${tp}-body`} value={value.body} onChange={(e) => fromBody(e.target.value)} />
          <FieldIssues issues={props.issues} at={`${at}.templateBody`} />
        </label>
      ) : null}
      <p className="muted small">{t(alimtalk ? 'studio.alimtalk.variables' : 'studio.webhook.payload')}</p>
      {pairs.map((p, i) => (
        <div className="row" key={p.id} data-testid={`${tp}-pair-${i}`}>
          <input
            aria-label={t('studio.pair.key')}
            data-testid={`${tp}-key-${i}`}
            value={p.key}
            onChange={(e) => setPair(i, { key: e.target.value })}
          />
          <input
            aria-label={t('studio.pair.value')}
            data-testid={`${tp}-value-${i}`}
            value={p.value}
            placeholder="{{ name }}"
            onChange={(e) => setPair(i, { value: e.target.value })}
          />
          <button type="button" className="link" onClick={() => set({ pairs: pairs.filter((_, j) => j !== i) })}>
            {t('studio.pair.remove')}
          </button>
          <FieldIssues issues={props.issues} at={`${at}.${props.fields.text}.${p.key.trim()}`} />
        </div>
      ))}
      <button type="button" data-testid={`${tp}-pair-add`} onClick={() => set({ pairs: [...pairs, newPair()] })}>
        {t('studio.pair.add')}
      </button>
      {props.fallback ? (
        <label className="field">
          <span>{t('studio.field.fallbackText')}</span>
          <textarea
            rows={2}
            data-testid={`${tp}-fallback`}
            value={value.fallbackText}
            onChange={(e) => set({ fallbackText: e.target.value })}
          />
          <FieldIssues issues={props.issues} at={`${at}.smsFallback`} />
        </label>
      ) : null}
      <FieldIssues issues={props.issues.filter((i) => i.path.length <= 3)} at={`${at}.${props.fields.text}`} />
      <FieldIssues issues={props.issues.filter((i) => i.path.length <= 2)} at={at} />
    </div>
  );
}
