import { TRANSITIONS } from '@dalbit/core/campaigns/lifecycle';
import { useState } from 'react';
import { changeStatus, duplicateCampaign, type LifecycleAction } from '../../api/campaigns.ts';
import { useApi } from '../../api.ts';
import { navigate } from '../../router/use-location.ts';
import { useSession } from '../../session/session-context.tsx';
import { useT } from '../../use-t.ts';
import { ErrorBanner } from '../error-banner.tsx';
import { useToast } from '../toast.tsx';

const ACTIONS: readonly LifecycleAction[] = ['launch', 'pause', 'resume', 'stop', 'archive'];

/** Why an ad cannot launch now: the sender fields the settings lack, in Korean, with the way to fix it. */
function SenderGate({ missing }: { missing: readonly string[] }) {
  const t = useT();
  if (missing.length === 0) return null;
  return (
    <p className="notice" data-testid="launch-gate">
      {t('studio.settings.missing', { fields: missing.map((f) => t(`campaign.sender.${f as 'name'}`)).join(', ') })}{' '}
      <a href="#/settings" data-testid="launch-gate-settings">
        {t('studio.goSettings')}
      </a>
    </p>
  );
}

/** Edit, duplicate and the lifecycle actions allowed from the current status (launch gated by sender settings). */
export function LifecycleBar(props: {
  id: string;
  name: string;
  status: string;
  purpose: string;
  onChanged: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [settings] = useApi<{ missingSender: string[] }>('/api/settings/compliance');
  const missing = props.purpose === 'ad' && settings.state === 'ok' ? settings.data.missingSender : [];
  const allowed = ACTIONS.filter((a) => (TRANSITIONS[a].from as readonly string[]).includes(props.status));
  const act = async (a: LifecycleAction) => {
    if (a === 'stop' && !window.confirm(t('studio.confirmStop'))) return;
    setError(null);
    try {
      const r = await changeStatus(props.id, a);
      toast.ok(t('studio.action.done', { status: t(`campaign.status.${r.status as 'draft'}`) }));
      props.onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const duplicate = async () => {
    try {
      const copy = await duplicateCampaign(
        props.id,
        `${props.id.slice(0, 60)}-${Date.now().toString(36)}`,
        `${props.name} ${t('studio.copySuffix')}`,
      );
      toast.ok(t('studio.duplicated'));
      navigate(`/campaigns/${encodeURIComponent(copy.campaign.id)}/edit`);
    } catch (e) {
      setError(e);
    }
  };
  const editable = props.status === 'draft' || props.status === 'active' || props.status === 'paused';
  const canLaunch = session.can('campaign.launch');
  return (
    <div className="lifecycle">
      <div className="row">
        {editable && session.can('campaign.write') ? (
          <a className="button" data-testid="campaign-edit" href={`#/campaigns/${encodeURIComponent(props.id)}/edit`}>
            {t('studio.edit')}
          </a>
        ) : null}
        {session.can('campaign.write') ? (
          <button type="button" data-testid="campaign-duplicate" onClick={duplicate}>
            {t('studio.duplicate')}
          </button>
        ) : null}
        {canLaunch
          ? allowed.map((a) => (
              <button
                key={a}
                type="button"
                className={a === 'launch' ? 'primary' : ''}
                data-testid={`action-${a}`}
                disabled={(a === 'launch' || a === 'resume') && missing.length > 0}
                onClick={() => act(a)}
              >
                {t(`studio.action.${a}`)}
              </button>
            ))
          : null}
      </div>
      {allowed.includes('launch') || allowed.includes('resume') ? <SenderGate missing={missing} /> : null}
      {error ? <ErrorBanner error={error} /> : null}
    </div>
  );
}
