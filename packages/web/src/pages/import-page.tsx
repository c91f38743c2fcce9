import { useEffect, useState } from 'react';
import {
  fetchImportJob,
  fetchInspection,
  type ImportJob,
  type Inspection,
  jobEnded,
  type MappingChoice,
  runImport,
  saveImportMapping,
  uploadImportFile,
} from '../api/imports.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';
import { DropZone } from './import/drop-zone.tsx';
import { ImportHistory } from './import/import-history.tsx';
import { InspectionView } from './import/inspection-view.tsx';
import { JobProgress, JobResult } from './import/job-view.tsx';
import { RecentJobs } from './import/recent-jobs.tsx';
import './import/import-page.css';

const POLL_MS = 400;

/** Polls the job until it is done or failed; `onEnd` once when it ends. */
function useJobPolling(
  job: ImportJob | null,
  setJob: (j: ImportJob) => void,
  onEnd: () => void,
  onError: (e: unknown) => void,
) {
  const { lang } = useI18n();
  const id = job?.id;
  const ended = job ? jobEnded(job) : false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: polling restarts only for a new job or language
  useEffect(() => {
    if (!id) return;
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const { job: next } = await fetchImportJob(id, lang, ctl.signal);
        if (ctl.signal.aborted) return;
        setJob(next);
        if (jobEnded(next)) onEnd();
        else timer = setTimeout(tick, POLL_MS);
      } catch (e) {
        if (!ctl.signal.aborted) onError(e);
      }
    };
    if (ended) void tick();
    else timer = setTimeout(tick, POLL_MS);
    return () => {
      ctl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id, lang]);
}

/** Story 1 in the dashboard: upload an export, check kind, mapping, rows and problems, import, read the result. */
export function ImportPage() {
  const t = useT();
  const { lang } = useI18n();
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState<'upload' | 'check' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [historyVersion, setHistoryVersion] = useState(0);

  const call = async (kind: 'upload' | 'check', fn: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const upload = (file: File) =>
    call('upload', async () => {
      setJob(null);
      setInspection(null);
      setInspection((await uploadImportFile(file, lang)).inspection);
    });
  const apply = (m: MappingChoice) =>
    call('check', async () => {
      if (inspection) setInspection((await saveImportMapping(inspection.upload.id, m, lang)).inspection);
    });
  const run = (skipBadRows: boolean) =>
    call('check', async () => {
      if (inspection) setJob((await runImport(inspection.upload.id, skipBadRows, lang)).job);
    });
  const reset = () => {
    setJob(null);
    setInspection(null);
    setError(null);
  };
  useJobPolling(job, setJob, () => setHistoryVersion((v) => v + 1), setError);
  // The problems and labels come from the server in the chosen language: ask again when it changes.
  const uploadId = inspection?.upload.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch only on a language change
  useEffect(() => {
    if (uploadId && !job)
      void call('check', async () => setInspection((await fetchInspection(uploadId, lang)).inspection));
  }, [lang]);

  const running = job !== null && !jobEnded(job);
  return (
    <section data-testid="import-page">
      <h1>{t('imports.title')}</h1>
      <p className="muted">{t('imports.intro')}</p>
      {error ? <ErrorBanner error={error} /> : null}
      {!inspection && !job ? <DropZone onFile={upload} busy={busy === 'upload'} /> : null}
      {busy === 'upload' ? <Loading label={t('imports.checking')} /> : null}
      {inspection && !job ? (
        <InspectionView inspection={inspection} onApply={apply} onRun={run} busy={busy !== null} />
      ) : null}
      {running ? <JobProgress job={job} /> : null}
      {job && !running ? <JobResult job={job} onAnother={reset} /> : null}
      <RecentJobs version={historyVersion} current={job?.id} onOpen={(j) => setJob(j)} />
      <ImportHistory version={historyVersion} />
    </section>
  );
}
