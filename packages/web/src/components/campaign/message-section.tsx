import type { DraftIssue } from '../../api/campaigns.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { ComplianceRules } from './compliance-rules.tsx';
import { type Channel, COMPOSER_CHANNELS, channelsOf, type Draft, isKakao, TEXT_FIELD } from './draft-model.ts';
import { FieldIssues, issuesAt } from './field-issues.tsx';
import { TemplateEditor } from './template-editor.tsx';

function SenderFields(props: { draft: Draft; set: (p: Partial<Draft>) => void; issues: readonly DraftIssue[] }) {
  const t = useT();
  const { draft: d, set } = props;
  // Every channel of the campaign (its follow-ups may use others) needs its sender.
  const used = channelsOf(d);
  const kakao = used.some(isKakao);
  const phone = used.includes('sms') || (kakao && d.fallbackToSms);
  return (
    <div className="row">
      {phone ? (
        <label className="field">
          <span>{t('studio.field.smsFrom')}</span>
          <input data-testid="sender-sms" value={d.smsFrom} onChange={(e) => set({ smsFrom: e.target.value })} />
          <FieldIssues issues={props.issues} at="sender.smsFrom" />
        </label>
      ) : null}
      {kakao ? (
        <label className="field">
          <span>{t('studio.field.kakaoKey')}</span>
          <input
            data-testid="sender-kakao"
            value={d.kakaoSenderKey}
            onChange={(e) => set({ kakaoSenderKey: e.target.value })}
          />
          <FieldIssues issues={props.issues} at="sender.kakaoSenderKey" />
        </label>
      ) : null}
      {used.includes('email') ? (
        <>
          <label className="field">
            <span>{t('studio.field.emailName')}</span>
            <input
              data-testid="sender-email-name"
              value={d.emailName}
              onChange={(e) => set({ emailName: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('studio.field.emailAddress')}</span>
            <input
              data-testid="sender-email-address"
              value={d.emailAddress}
              onChange={(e) => set({ emailAddress: e.target.value })}
            />
          </label>
          <FieldIssues issues={props.issues} at="sender.email" />
        </>
      ) : null}
      {issuesAt(props.issues, 'sender.smsFrom').length + issuesAt(props.issues, 'sender.kakaoSenderKey').length > 0 ? (
        <p className="notice small" data-testid="sender-where">
          {t('studio.sender.where')}{' '}
          <a href="#/settings" data-testid="sender-settings-link">
            {t('studio.sender.goSettings')}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** Channel (with SMS fallback for Kakao), the sender for it, the message editor and the ad rules. */
export function MessageSection(props: {
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { lang } = useI18n();
  const { draft: d, set } = props;
  return (
    <div>
      <div className="row">
        <label className="field">
          <span>{t('studio.field.channel')}</span>
          <select data-testid="channel" value={d.channel} onChange={(e) => set({ channel: e.target.value as Channel })}>
            {COMPOSER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c, lang)}
              </option>
            ))}
          </select>
        </label>
        {channelsOf(d).some(isKakao) ? (
          <label>
            <input
              type="checkbox"
              data-testid="fallback"
              checked={d.fallbackToSms}
              onChange={(e) => set({ fallbackToSms: e.target.checked })}
            />
            {t('studio.field.fallback')}
          </label>
        ) : null}
      </div>
      <FieldIssues issues={props.issues} at="channel" />
      {d.channel === 'kakao_alimtalk' ? (
        <p className="notice small" data-testid="alimtalk-info-only">
          {t('studio.alimtalk.infoOnly')}
        </p>
      ) : null}
      {d.channel === 'webhook' ? <p className="muted small">{t('studio.webhook.note')}</p> : null}
      <SenderFields {...props} />
      <TemplateEditor
        channel={d.channel}
        value={d.message}
        onChange={(m) => set({ message: m })}
        issues={props.issues}
        at="templates.0"
        fields={TEXT_FIELD[d.channel]}
        fallback={isKakao(d.channel) && d.fallbackToSms}
        testPrefix="message"
      />
      <FieldIssues issues={props.issues.filter((i) => i.path.length === 1)} at="templates" />
      <ComplianceRules purpose={d.purpose} />
    </div>
  );
}
