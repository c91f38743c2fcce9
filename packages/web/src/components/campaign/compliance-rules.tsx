import { useApi } from '../../api.ts';
import { useT } from '../../use-t.ts';

interface Policy {
  sender: { optOutNumber: string };
  marks: { prefix: string; optOutLine: string };
  legalNight: { window: { start: string; end: string } };
  quietHours: { window: { start: string; end: string } | null };
  caps: { adsPerDay: number | null; adsPerWeek: number | null; weekDays: number };
}

/** What the guard will do to an ad, from the brand's current settings: marks, night rules, caps. */
export function ComplianceRules({ purpose }: { purpose: 'ad' | 'info' }) {
  const t = useT();
  const [settings] = useApi<{ policy: Policy }>('/api/settings/compliance');
  if (purpose !== 'ad' || settings.state !== 'ok') return null;
  const p = settings.data.policy;
  const optOut = p.marks.optOutLine.replace('{number}', p.sender.optOutNumber || '080-…');
  const quiet = p.quietHours.window;
  return (
    <ul className="rules small" data-testid="compliance-rules">
      <li>{t('studio.rules.ad', { prefix: p.marks.prefix, optOut })}</li>
      <li>
        {t('studio.rules.night', {
          nightStart: p.legalNight.window.start,
          nightEnd: p.legalNight.window.end,
          quietStart: quiet?.start ?? '—',
          quietEnd: quiet?.end ?? '—',
        })}
      </li>
      <li>
        {t('studio.rules.caps', {
          day: p.caps.adsPerDay ?? '∞',
          week: p.caps.adsPerWeek ?? '∞',
          weekDays: p.caps.weekDays,
        })}
      </li>
    </ul>
  );
}
