import { useEffect, useRef, useState } from 'react';
import { checkDraft, type DraftCheck } from '../../api/campaigns.ts';
import { useI18n } from '../../i18n.ts';
import { type Draft, toDefinition } from './draft-model.ts';

/**
 * The server's check of the draft while typing (debounced): the same schema and audience check a
 * save runs, plus the preview for `customer`. Also keeps the server's clock for "send now".
 */
export function useDraftCheck(draft: Draft, customer: string, base: Record<string, unknown>) {
  const { lang } = useI18n();
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [now, setNow] = useState<string>(new Date().toISOString());
  const [busy, setBusy] = useState(false);
  const known = useRef(false);
  const body = JSON.stringify({ ...base, ...toDefinition(draft, now) });
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      checkDraft(JSON.parse(body), customer, lang, ctl.signal).then(
        (r) => {
          if (ctl.signal.aborted) return;
          setCheck(r);
          // The server's clock once (a demo runs on its data's date): "send now" means its now.
          if (r.now && !known.current) {
            known.current = true;
            setNow(r.now);
          }
          setBusy(false);
        },
        () => {
          if (!ctl.signal.aborted) setBusy(false);
        },
      );
    }, 350);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [body, customer, lang]);
  return { check, now, busy };
}
