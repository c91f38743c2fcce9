import { useCallback } from 'react';
import { fetchAudience, fetchAudienceDays, fetchAudienceVersions } from '../api/audience.ts';
import { useLoad } from '../api/use-api.ts';
import { AudienceHeader } from '../components/audience/audience-header.tsx';
import { SizeHistory } from '../components/audience/size-history.tsx';
import { VersionHistory } from '../components/audience/version-history.tsx';
import { AudienceDownloads } from '../components/audience-downloads.tsx';
import { Freshness } from '../components/freshness.tsx';
import { SegmentReport } from '../components/segment-report.tsx';
import { StatusView } from '../components/status-view.tsx';
import type { PageProps } from '../router/page-props.ts';
import { useT } from '../use-t.ts';

/** One saved audience: name and pin, size per day, who entered and left, versions with their differences, report. */
export function AudiencePage({ params }: PageProps) {
  const t = useT();
  const id = params.id ?? '';
  const [detail, reloadDetail] = useLoad(`audience:${id}`, (signal) => fetchAudience(id, signal));
  const [days, reloadDays] = useLoad(`days:${id}`, (signal) => fetchAudienceDays(id, signal));
  const [versions] = useLoad(`versions:${id}`, (signal) => fetchAudienceVersions(id, signal));
  const reload = useCallback(() => {
    reloadDetail();
    reloadDays();
  }, [reloadDetail, reloadDays]);
  const last = days.state === 'ok' ? days.data.days.at(-1) : undefined;
  return (
    <section>
      <p>
        <a href="#/segments" data-testid="workspace-back">
          {t('workspace.audience.back')}
        </a>
      </p>
      {days.state === 'ok' ? <Freshness computedAt={last?.refreshedAt ?? null} onRefreshed={reload} /> : null}
      <StatusView value={detail} onRetry={reloadDetail}>
        {(d) => <AudienceHeader key={d.segment.name} detail={d} onChanged={reloadDetail} />}
      </StatusView>
      <div className="grid-2">
        <StatusView value={days}>{(d) => <SizeHistory id={id} days={d.days} />}</StatusView>
        <StatusView value={versions}>
          {(v) => (
            <VersionHistory
              versions={v.versions}
              current={detail.state === 'ok' ? detail.data.segment.currentVersion : (v.versions[0]?.version ?? 0)}
            />
          )}
        </StatusView>
      </div>
      <div className="card">
        <SegmentReport id={id} />
      </div>
      {detail.state === 'ok' ? <AudienceDownloads id={id} name={detail.data.segment.name} /> : null}
    </section>
  );
}
